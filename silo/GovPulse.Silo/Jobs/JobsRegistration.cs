using GovPulse.Grains.Hourly;
using GovPulse.Indicators.Periods;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace GovPulse.Silo.Jobs;

public static class JobsRegistration
{
    /// <summary>
    /// Scheduled jobs (Quartz, in memory: each node keeps its own schedule, and the grains make the
    /// work happen once per cluster): the hourly publication, unless <c>GovPulse:Hourly:Enabled</c> is false.
    /// </summary>
    public static WebApplicationBuilder AddGovPulseJobs(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<HourlyOptions>().BindConfiguration(HourlyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<HourlyRound>();

        var options = builder.Configuration.GetSection(HourlyOptions.Section).Get<HourlyOptions>() ?? new HourlyOptions();
        if (!options.Enabled)
        {
            return builder;
        }

        if (!CronExpression.TryParse(options.Cron, out _))
        {
            throw new InvalidOperationException(
                $"GovPulse:Hourly:Cron '{options.Cron}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week, e.g. '{HourlyOptions.EveryHour}')");
        }

        builder.AddQuartz(q => q.ScheduleJob<HourlyJob>(trigger => trigger
            .WithIdentity("hourly-publication")
            .WithCronSchedule(options.Cron, cron => cron.InTimeZone(VietnamTime.Zone))));

        // A stopping node cancels the job's token, so a round waiting to retry its hour ends at once.
        builder.Services.Configure<QuartzOptions>(o => o.Properties["quartz.scheduler.interruptJobsOnShutdownWithWait"] = "true");

        // Stopping waits for a running publication: the silo stops after the scheduler.
        builder.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }
}

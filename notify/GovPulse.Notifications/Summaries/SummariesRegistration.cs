using GovPulse.Grains;
using GovPulse.Notifications.Notices;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace GovPulse.Notifications.Summaries;

/// <summary>The person notifier (schedules, quiet hours, catch-up digests), the hourly and daily summaries, and the morning list.</summary>
public static class SummariesRegistration
{
    public static IHostApplicationBuilder AddGovPulseSummaries(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<SummariesOptions>().BindConfiguration(SummariesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IHeldNoticeStore, HeldNoticeStore>();
        builder.Services.AddSingleton<IDeliveryMarkStore, DeliveryMarkStore>();
        builder.Services.AddSingleton<SubscriptionDelivery>();
        builder.Services.AddSingleton<IPersonNotifier, PersonNotifier>();
        builder.Services.AddSingleton<OverdueCounter>();
        builder.Services.AddSingleton<SummaryRound>();
        builder.Services.AddSingleton<IFiguresListener, SummariesListener>();
        return builder;
    }

    /// <param name="api">The <c>/api/v1</c> group.</param>
    /// <param name="adminPolicy">The admin authorization policy, for admin-only endpoints.</param>
    /// <remarks>The summaries have no endpoints of their own: people choose their schedule and quiet hours on their push subscriptions.</remarks>
    public static IEndpointRouteBuilder MapSummariesApi(this IEndpointRouteBuilder api, string adminPolicy)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentException.ThrowIfNullOrEmpty(adminPolicy);
        return api;
    }
}

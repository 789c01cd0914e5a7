using System.Runtime.InteropServices;

namespace GovPulse.Silo;

/// <summary>
/// The stop signals (SIGTERM, SIGINT, SIGQUIT) handled as a graceful stop from before the embedded
/// engine starts, until the host has stopped.
/// </summary>
/// <remarks>
/// chDB saves the process's signal handlers as it starts and puts them back when it is done, so a
/// handler installed meanwhile is lost: the host installs its own only when it runs, so with the
/// engine started early a stop killed the node without saving (exit 143). Registered before the
/// engine starts, what chDB puts back is the runtime's handler, which calls this one and the host's alike.
/// </remarks>
public static class StopSignals
{
    public static void StopGracefully(IHostApplicationLifetime lifetime)
    {
        ArgumentNullException.ThrowIfNull(lifetime);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var stops = new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGQUIT }
            .Select(signal => PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true; // no default termination: the host stops, saving every unit
                lifetime.StopApplication();
            }))
            .ToList();
        lifetime.ApplicationStopped.Register(() => stops.ForEach(stop => stop.Dispose()));
    }
}

namespace GovPulse.Grains.Tests.Fixtures;

/// <summary>
/// A cluster with the default sealing policy (a running month folds 500 closed, quiet dossiers at a time)
/// and a standing clock: a backfill of October 2026 is judged by its traffic, not by the clock, while it is sent.
/// </summary>
public sealed class RunningMonthsClusterFixture : StandingClockClusterFixture;

namespace GovPulse.LoadBench;

/// <summary>
/// One month of a backfill slice: the events generated while the simulated clock was in it, and the
/// last batch holding any of them (the month has been sent once every batch up to it is answered).
/// </summary>
public sealed record BackfillMonth(int LastBatch, long Events);

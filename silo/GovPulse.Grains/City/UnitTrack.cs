namespace GovPulse.Grains.City;

/// <summary>
/// What the city knows of one unit: the highest log position it has heard of (from the unit's reports
/// and from reading the log), whether the log holds any event of it, its latest current-month report,
/// and a count that moves whenever the unit's figures of an ended period may have changed, so a kept
/// ended-period report is trusted only while the count it was kept at still stands.
/// </summary>
internal sealed class UnitTrack
{
    /// <summary>The highest log position heard of: the unit's reports, asked or told, and the log read by reconciliation.</summary>
    public long Position { get; private set; }

    /// <summary>The log holds an event of the unit; until then its figures are the empty unit's and no grain is asked.</summary>
    public bool Logged { get; private set; }

    /// <summary>Moves whenever the unit may have changed: a report it sent, or a position the city had not heard of.</summary>
    public long Changes { get; private set; }

    /// <summary>The unit's latest report of the city's current month (null before the first, or when of another month).</summary>
    public UnitFiguresReport? Current { get; set; }

    /// <summary>
    /// Takes in a report: one the unit sent (<paramref name="told"/>) always counts as a change, since a
    /// unit reports when its figures moved (an event applied, a rebuild, a due time); one the city asked
    /// for counts only when its position is news.
    /// </summary>
    public void Heard(UnitFiguresReport report, bool told)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (told || report.Position > Position || (!Logged && report.Position > 0))
        {
            Changes++;
        }

        Logged |= told || report.Position > 0;
        Position = Math.Max(Position, report.Position);
    }

    /// <summary>
    /// Takes in the unit's last position in the log (null: the log holds none of its events); returns
    /// whether the log moved past what the city had heard (a report lost on the way).
    /// </summary>
    public bool Logs(long? last)
    {
        if (last is not { } position || (Logged && position <= Position))
        {
            return false;
        }

        Logged = true;
        Position = Math.Max(Position, position);
        Changes++;
        return true;
    }
}

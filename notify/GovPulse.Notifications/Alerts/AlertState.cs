using System.Collections.Immutable;

namespace GovPulse.Notifications.Alerts;

/// <summary>
/// What one rule knows of one unit: whether its condition holds (announced), since when, the band it
/// compares with, the dossiers announced overdue, and the notices not yet delivered. Stored as JSON in
/// <c>alert_states</c> (one row per rule × unit), written before any notice is sent.
/// </summary>
public sealed record AlertState
{
    public static AlertState Empty { get; } = new();

    /// <summary>The condition of a figure rule holds and was announced.</summary>
    public bool Firing { get; init; }

    /// <summary>When a figure rule started firing (the scorecard's evaluation time).</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Band drops: the band last seen with data (Vietnamese name, as scorecards carry it).</summary>
    public string? LastBand { get; init; }

    /// <summary>Band drops, while firing: the band the unit had before it dropped; it clears when back at least there.</summary>
    public string? FromBand { get; init; }

    /// <summary>The version of the last scorecard judged: an older one arriving late is ignored. Not a reason to write.</summary>
    public long LastVersion { get; init; }

    /// <summary>Dossier rules: the dossiers announced overdue and still overdue, with when they turned so.</summary>
    public ImmutableSortedDictionary<string, DateTimeOffset> Dossiers { get; init; } = ImmutableSortedDictionary.Create<string, DateTimeOffset>(StringComparer.Ordinal);

    /// <summary>Notices made so far for this rule and unit: numbers the next notice's id.</summary>
    public int Transitions { get; init; }

    /// <summary>Notices whose delivery is not done yet, oldest first.</summary>
    public ImmutableList<UnsentNotice> Unsent { get; init; } = [];

    /// <summary>Whether anything is firing (a figure condition, or at least one dossier).</summary>
    public bool IsFiring => Firing || !Dossiers.IsEmpty;

    /// <summary>Since when it has been firing (the earliest dossier for dossier rules); null when not.</summary>
    public DateTimeOffset? FiringSince => Firing ? Since : Dossiers.IsEmpty ? null : Dossiers.Values.Min();

    /// <summary>Equal in everything stored except <see cref="LastVersion"/>.</summary>
    public bool SameStoredAs(AlertState other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Firing == other.Firing && Since == other.Since && LastBand == other.LastBand && FromBand == other.FromBand
            && Transitions == other.Transitions && Dossiers.SequenceEqual(other.Dossiers) && Unsent.SequenceEqual(other.Unsent);
    }
}

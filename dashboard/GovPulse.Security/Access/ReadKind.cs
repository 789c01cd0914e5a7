namespace GovPulse.Security.Access;

/// <summary>What a read shows, as the role matrix (<see cref="ReadMatrix"/>) tells them apart.</summary>
public enum ReadKind
{
    /// <summary>Dossiers: the cases behind the figures (what is overdue, whose case it is). Anything not known to be figures.</summary>
    Dossiers,

    /// <summary>Figures: scores, indicators, rankings, history and charts, and the hub's <c>scorecard</c> and <c>hourly</c> messages.</summary>
    Figures,
}

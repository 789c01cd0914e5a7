namespace GovPulse.Grains;

/// <summary>The steps of a unit grain's <c>Apply</c>, in order, as <see cref="UnitApplyProbe"/> sees them.</summary>
public enum UnitApplyStep
{
    /// <summary>The events are in the log.</summary>
    Stored,

    /// <summary>The ledger holds them.</summary>
    Applied,

    /// <summary>The snapshot counter and metrics know them.</summary>
    Counted,

    /// <summary>The city has the report and viewers the push.</summary>
    Published,

    /// <summary>The clock watches the next due time.</summary>
    Watched,
}

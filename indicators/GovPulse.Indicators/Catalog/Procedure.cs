namespace GovPulse.Indicators.Catalog;

/// <summary>
/// An administrative procedure (thủ tục hành chính) by its national code, e.g. 1.001193 birth
/// registration, with what the catalogue knows about its publication and online service. Unknown
/// facts stay null: the catalogue indicators then have no data rather than invented data.
/// </summary>
public sealed record Procedure
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public string Field { get; init; } = string.Empty;

    public ProcedureLevel Level { get; init; } = ProcedureLevel.Both;

    /// <summary>Statutory time limit; 0 = same day; null = unknown.</summary>
    public int? TimeLimitWorkingDays { get; init; }

    /// <summary>Fee in VND; 0 = free; null = set by the city council, unknown here.</summary>
    public decimal? FeeVnd { get; init; }

    public OnlineLevel OnlineLevel { get; init; } = OnlineLevel.Unknown;

    /// <summary>Date of the decision publishing the procedure (quyết định công bố).</summary>
    public DateOnly? PublicationDecisionDate { get; init; }

    /// <summary>The latest effective date of the procedure's legal basis.</summary>
    public DateOnly? LegalBasisEffectiveDate { get; init; }

    /// <summary>When the procedure was made public in the national procedure database.</summary>
    public DateOnly? PublicDate { get; init; }

    /// <summary>Public with every required component (name, steps, method, dossier, time limit, applicant, agency).</summary>
    public bool? ContentComplete { get; init; }

    /// <summary>Fee data integrated for online payment (fee-bearing procedures).</summary>
    public bool? FeeIntegrated { get; init; }

    /// <summary>Connected to the national population database for settlement.</summary>
    public bool? PopulationDataConnected { get; init; }

    public bool IsOnlineService => OnlineLevel is OnlineLevel.Partial or OnlineLevel.Full;

    public bool IsFeeBearing => FeeVnd > 0;

    /// <summary>Whether units of this kind handle the procedure (the city handles all).</summary>
    public bool HandledAt(ProcedureLevel unitLevel) => unitLevel == ProcedureLevel.Both || Level == ProcedureLevel.Both || Level == unitLevel;
}

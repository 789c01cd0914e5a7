namespace GovPulse.Indicators.Explanations;

/// <summary>What an indicator counts: dossiers, petitions, or procedures (the catalogue indicators and the distinct-procedure ones).</summary>
public enum ExplainedSubject
{
    Dossier,
    Petition,
    Procedure,
}

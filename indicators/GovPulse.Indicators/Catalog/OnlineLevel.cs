namespace GovPulse.Indicators.Catalog;

/// <summary>How far a procedure is offered as an online public service (DVCTT toàn trình / một phần).</summary>
public enum OnlineLevel
{
    Unknown,
    None,
    Partial,
    Full,
}

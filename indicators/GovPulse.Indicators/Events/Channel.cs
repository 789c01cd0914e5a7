namespace GovPulse.Indicators.Events;

/// <summary>How a dossier was submitted: Trực tuyến, Trực tiếp, Bưu chính công ích.</summary>
public enum Channel
{
    Online,
    Direct,
    Postal,
}

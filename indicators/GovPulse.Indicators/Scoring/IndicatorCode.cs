using System.Text.Json.Serialization;

namespace GovPulse.Indicators.Scoring;

/// <summary>
/// The indicators of indicators-766.md §2, in the portal's order. Member names are the wire codes
/// (api-v1.md: "indicator codes are those of indicators-766.md"); the converter keeps them names
/// on every serializer.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<IndicatorCode>))]
public enum IndicatorCode
{
    PUBLISH_ON_TIME,
    PUBLIC_UPDATE_ON_TIME,
    PUBLIC_CONTENT_FULL,
    DOSSIER_SYNC,
    ON_TIME_PROCESSING,

    /// <summary>Display only: no points, max 0; its ratio is days, not a percentage.</summary>
    AVG_PROCESSING_DAYS,
    ONLINE_PROCEDURES,
    ONLINE_SERVICES_WITH_DOSSIERS,
    ONLINE_SUBMISSION,
    FEE_PROCEDURES_INTEGRATED,
    FEE_PROCEDURES_PAID_ONLINE,
    DOSSIERS_PAID_ONLINE,
    ELECTRONIC_RESULT,
    DOSSIER_DIGITIZED,
    DATA_REUSED,
    PERSONAL_STORE_LINKED,
    CITIZEN_DATA_DOSSIERS,
    CITIZEN_DATA_PROCEDURES,
    ELECTRONIC_CERTIFIED_COPY,
    PETITION_ON_TIME,
    PETITION_SATISFACTION,
    DOSSIER_SATISFACTION,
}

using GovPulse.Indicators.Scoring;
using static GovPulse.Indicators.Scoring.IndicatorCode;

namespace GovPulse.Indicators.Tests.Scoring;

/// <summary>
/// One province's year view as the national portal published it (indicators-766.md §4), with
/// PAYMENT and DIGITIZATION counts made up to give the published 6.67 and 9.59 (the portal's page
/// shows those two groups' scores, not their counts).
/// </summary>
internal static class PublishedProvince
{
    public static IndicatorInput[] Publicity { get; } =
    [
        PUBLISH_ON_TIME.Counts(0, 89),
        PUBLIC_UPDATE_ON_TIME.Counts(0, 70),
        PUBLIC_CONTENT_FULL.Counts(87, 89),
        DOSSIER_SYNC.Counts(475_053, 475_053),
    ];

    public static IndicatorInput[] Progress { get; } =
    [
        ON_TIME_PROCESSING.Counts(528_684, 597_918),
        AVG_PROCESSING_DAYS.Counts(2_391_672, 512_345),
    ];

    public static IndicatorInput[] Online { get; } =
    [
        ONLINE_PROCEDURES.Counts(52, 89),
        ONLINE_SERVICES_WITH_DOSSIERS.Counts(516, 1_884),
        ONLINE_SUBMISSION.Counts(310_917, 597_918), // 52%: at or above 50% is full points.
    ];

    public static IndicatorInput[] Payment { get; } =
    [
        FEE_PROCEDURES_INTEGRATED.Counts(90, 100),
        FEE_PROCEDURES_PAID_ONLINE.Counts(85, 100),
        DOSSIERS_PAID_ONLINE.Counts(445, 1_000), // 6 × 0.445 = 2.67
    ];

    public static IndicatorInput[] Digitization { get; } =
    [
        ELECTRONIC_RESULT.Counts(2_443, 3_000), // 4.886 → 4.89
        DOSSIER_DIGITIZED.Counts(403, 2_000), // 0.806 → 0.81
        DATA_REUSED.Counts(148, 1_250), // 2 × 0.1184 / 0.8 = 0.296 → 0.30
        PERSONAL_STORE_LINKED.Counts(7, 100), // 0.28
        CITIZEN_DATA_DOSSIERS.Counts(61, 125), // 0.976 → 0.98
        CITIZEN_DATA_PROCEDURES.Counts(3_309, 20_000), // 0.3309 → 0.33
        ELECTRONIC_CERTIFIED_COPY.WithoutData(), // none ⇒ 2
    ];

    public static IndicatorInput[] Satisfaction { get; } =
    [
        PETITION_ON_TIME.Counts(296, 570),
        PETITION_SATISFACTION.Counts(230, 570),
        DOSSIER_SATISFACTION.Counts(528_464, 597_918),
    ];

    public static IndicatorInput[] All { get; } = [.. Publicity, .. Progress, .. Online, .. Payment, .. Digitization, .. Satisfaction];
}

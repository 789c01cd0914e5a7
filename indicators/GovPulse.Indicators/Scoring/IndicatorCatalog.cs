namespace GovPulse.Indicators.Scoring;

/// <summary>
/// The 766 index as the national portal scores it: six groups, 21 scored indicators and one shown
/// beside them (indicators-766.md §1–2). Shapes and no-data rules carry the spec's confidence
/// marks; anything not marked [portal] is the one place to change when the portal's scoring is
/// confirmed otherwise.
/// </summary>
public static class IndicatorCatalog
{
    public const decimal MaxTotal = 100m;

    private static readonly IndicatorDefinition[] ByCode =
    [
        // PUBLICITY (18). Formulas [rule]; linear shapes [portal]. The first three come from the
        // province's procedure catalogue and are the same for every unit of it; DOSSIER_SYNC is per unit.
        Linear(IndicatorCode.PUBLISH_ON_TIME, GroupCode.PUBLICITY, 6, "Tỷ lệ TTHC công bố đúng hạn", "Procedures published on time"),
        Linear(IndicatorCode.PUBLIC_UPDATE_ON_TIME, GroupCode.PUBLICITY, 4, "Tỷ lệ TTHC cập nhật, công khai đúng hạn", "Procedures updated and made public on time"),
        Linear(IndicatorCode.PUBLIC_CONTENT_FULL, GroupCode.PUBLICITY, 2, "Tỷ lệ TTHC công khai đầy đủ nội dung", "Procedures made public in full"),
        Linear(IndicatorCode.DOSSIER_SYNC, GroupCode.PUBLICITY, 6, "Tỷ lệ hồ sơ đồng bộ lên Cổng DVCQG", "Dossiers synchronised to the national portal"),

        // PROGRESS (20): linear [portal]; the average processing time is shown, never scored.
        Linear(IndicatorCode.ON_TIME_PROCESSING, GroupCode.PROGRESS, 20, "Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn", "Dossiers processed early or on time"),
        new(IndicatorCode.AVG_PROCESSING_DAYS, GroupCode.PROGRESS, 0m, ScoreShape.DisplayOnly, NoDataRule.ScoresZero, "Thời gian giải quyết TTHC trung bình", "Average processing time (days)"),

        // ONLINE (12): the thresholds are [rule][inferred], the linear middle one [inferred]; together
        // they reproduce a province's published 8.56.
        Threshold(IndicatorCode.ONLINE_PROCEDURES, GroupCode.ONLINE, 2, 0.8m, "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến", "Procedures offered as online public services"),
        Linear(IndicatorCode.ONLINE_SERVICES_WITH_DOSSIERS, GroupCode.ONLINE, 4, "Tỷ lệ DVCTT có phát sinh hồ sơ", "Online services with dossiers"),
        Threshold(IndicatorCode.ONLINE_SUBMISSION, GroupCode.ONLINE, 6, 0.5m, "Tỷ lệ hồ sơ nộp trực tuyến", "Dossiers submitted online"),

        // PAYMENT (10) [portal]; 0/0 ⇒ 0 points with noData [portal, for payment].
        Threshold(IndicatorCode.FEE_PROCEDURES_INTEGRATED, GroupCode.PAYMENT, 2, 0.8m, "Tỷ lệ TTHC có nghĩa vụ tài chính được tích hợp thanh toán trực tuyến", "Fee-bearing procedures integrated with online payment"),
        Threshold(IndicatorCode.FEE_PROCEDURES_PAID_ONLINE, GroupCode.PAYMENT, 2, 0.8m, "Tỷ lệ TTHC có phát sinh thanh toán trực tuyến", "Fee-bearing procedures with online payments"),
        Linear(IndicatorCode.DOSSIERS_PAID_ONLINE, GroupCode.PAYMENT, 6, "Tỷ lệ hồ sơ thanh toán trực tuyến", "Dossiers paid online"),

        // DIGITIZATION (22) [portal]. The portal publishes no counts for certified copies and gives
        // every unit 2, hence "none ⇒ max".
        Linear(IndicatorCode.ELECTRONIC_RESULT, GroupCode.DIGITIZATION, 6, "Tỷ lệ hồ sơ TTHC có cấp kết quả giải quyết TTHC điện tử", "Dossiers with an electronic result"),
        Linear(IndicatorCode.DOSSIER_DIGITIZED, GroupCode.DIGITIZATION, 4, "Tỷ lệ hồ sơ TTHC thực hiện số hóa hồ sơ", "Dossiers digitised"),
        Threshold(IndicatorCode.DATA_REUSED, GroupCode.DIGITIZATION, 2, 0.8m, "Tỷ lệ hồ sơ khai thác, sử dụng lại thông tin, dữ liệu số hóa", "Dossiers reusing digitised data"),
        Linear(IndicatorCode.PERSONAL_STORE_LINKED, GroupCode.DIGITIZATION, 4, "Tỷ lệ hồ sơ TTHC được số hóa có kết nối, chia sẻ dữ liệu phục vụ tái sử dụng", "Dossiers linked to the citizen's data store"),
        Linear(IndicatorCode.CITIZEN_DATA_DOSSIERS, GroupCode.DIGITIZATION, 2, "Tỷ lệ hồ sơ TTHC có sử dụng thông tin, dữ liệu dân cư", "Dossiers using population data"),
        Linear(IndicatorCode.CITIZEN_DATA_PROCEDURES, GroupCode.DIGITIZATION, 2, "Tỷ lệ TTHC triển khai kết nối, chia sẻ dữ liệu dân cư phục vụ giải quyết TTHC", "Procedures connected to population data"),
        Linear(IndicatorCode.ELECTRONIC_CERTIFIED_COPY, GroupCode.DIGITIZATION, 2, "Tỷ lệ cung cấp dịch vụ chứng thực bản sao điện tử từ bản chính", "Electronic certified copies from originals", NoDataRule.ScoresMax),

        // SATISFACTION (18) [portal]. A unit with no petitions in its competence is not penalised
        // for them: "none ⇒ 6".
        Linear(IndicatorCode.PETITION_ON_TIME, GroupCode.SATISFACTION, 6, "Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn", "Petitions handled on time", NoDataRule.ScoresMax),
        Linear(IndicatorCode.PETITION_SATISFACTION, GroupCode.SATISFACTION, 6, "Mức độ hài lòng trong xử lý phản ánh, kiến nghị", "Satisfaction with petition handling", NoDataRule.ScoresMax),
        Threshold(IndicatorCode.DOSSIER_SATISFACTION, GroupCode.SATISFACTION, 6, 0.9m, "Mức độ hài lòng trong tiếp nhận, giải quyết TTHC", "Satisfaction with receipt and settlement of dossiers"),
    ];

    private static readonly GroupDefinition[] GroupsByCode =
    [
        Group(GroupCode.PUBLICITY, 18, "Công khai, minh bạch", "Publicity and transparency"),
        Group(GroupCode.PROGRESS, 20, "Tiến độ, kết quả giải quyết", "Progress and results"),
        Group(GroupCode.ONLINE, 12, "Dịch vụ công trực tuyến", "Online public services"),
        Group(GroupCode.PAYMENT, 10, "Thanh toán trực tuyến", "Online payment"),
        Group(GroupCode.DIGITIZATION, 22, "Mức độ số hóa hồ sơ", "Digitisation"),
        Group(GroupCode.SATISFACTION, 18, "Mức độ hài lòng", "Satisfaction"),
    ];

    /// <summary>Every indicator, in portal order (the order of <see cref="IndicatorCode"/>).</summary>
    public static IReadOnlyList<IndicatorDefinition> Indicators { get; } = Array.AsReadOnly(ByCode);

    /// <summary>The six groups, in portal order (the order of <see cref="GroupCode"/>).</summary>
    public static IReadOnlyList<GroupDefinition> Groups { get; } = Array.AsReadOnly(GroupsByCode);

    public static IndicatorDefinition Get(IndicatorCode code) =>
        (uint)code < (uint)ByCode.Length
            ? ByCode[(int)code]
            : throw new ArgumentOutOfRangeException(nameof(code), code, "Not an indicator of the 766 index.");

    public static GroupDefinition Get(GroupCode code) =>
        (uint)code < (uint)GroupsByCode.Length
            ? GroupsByCode[(int)code]
            : throw new ArgumentOutOfRangeException(nameof(code), code, "Not a group of the 766 index.");

    /// <summary>
    /// Reads a wire code such as "ON_TIME_PROCESSING": exact and case-sensitive, and never a
    /// number (Enum.TryParse would take "4" as ON_TIME_PROCESSING) [choice].
    /// </summary>
    public static bool TryParse(string? text, out IndicatorCode code)
    {
        foreach (var indicator in ByCode)
        {
            if (string.Equals(indicator.Code.ToString(), text, StringComparison.Ordinal))
            {
                code = indicator.Code;
                return true;
            }
        }

        code = default;
        return false;
    }

    private static IndicatorDefinition Linear(IndicatorCode code, GroupCode group, decimal max, string vietnamese, string english, NoDataRule whenNoData = NoDataRule.ScoresZero) =>
        new(code, group, max, ScoreShape.Linear, whenNoData, vietnamese, english);

    private static IndicatorDefinition Threshold(IndicatorCode code, GroupCode group, decimal max, decimal fullPointsAt, string vietnamese, string english) =>
        new(code, group, max, ScoreShape.Threshold(fullPointsAt), NoDataRule.ScoresZero, vietnamese, english);

    private static GroupDefinition Group(GroupCode code, decimal max, string vietnamese, string english) =>
        new(code, max, vietnamese, english, Array.AsReadOnly(Array.FindAll(ByCode, i => i.Group == code)));
}

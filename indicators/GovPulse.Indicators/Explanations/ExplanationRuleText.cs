namespace GovPulse.Indicators.Explanations;

/// <summary>The sentence that says a rule, in Vietnamese (the default) or English (docs/glossary-vi.md's words).</summary>
public static class ExplanationRuleText
{
    public static string Describe(ExplanationRule rule, bool english)
    {
        var (vi, en) = Sentences(rule);
        return english ? en : vi;
    }

    private static (string Vi, string En) Sentences(ExplanationRule rule) => rule switch
    {
        ExplanationRule.Counted => ("Tính theo định nghĩa của chỉ số", "Counted by the indicator's definition"),
        ExplanationRule.FinishedEarly => ("Giải quyết trước hạn", "Finished early"),
        ExplanationRule.FinishedOnDueDate => ("Giải quyết đúng hạn (trong ngày hẹn trả)", "Finished on time (on the due date)"),
        ExplanationRule.FinishedLate => ("Giải quyết quá hạn", "Finished late"),
        ExplanationRule.InProgressOnTime => ("Đang giải quyết trong hạn", "In progress within the deadline"),
        ExplanationRule.InProgressOverdue => ("Đang giải quyết quá hạn", "In progress and overdue"),
        ExplanationRule.LateAfterSecondSupplementRequest => ("Yêu cầu bổ sung hồ sơ từ lần thứ hai: tính là quá hạn", "Supplement requested twice or more: counted as overdue"),
        ExplanationRule.EndedBySupplementRequest => ("Yêu cầu bổ sung hồ sơ không được đáp ứng: hồ sơ kết thúc tại thời điểm yêu cầu", "A supplement request never answered: the dossier ends at the request"),
        ExplanationRule.SupplementTimeAdded => ("Thời gian công dân bổ sung hồ sơ được cộng vào hạn giải quyết: trong hạn", "The citizen's supplement time moves the due date: on time"),
        ExplanationRule.ProcessingDays => ("Số ngày từ khi tiếp nhận đến khi giải quyết, trừ thời gian bổ sung hồ sơ", "Days from receipt to finish, less the citizen's supplement time"),
        ExplanationRule.Synced => ("Đã đồng bộ lên Cổng DVCQG", "Synced to the national portal"),
        ExplanationRule.NotSynced => ("Chưa đồng bộ lên Cổng DVCQG", "Not synced to the national portal"),
        ExplanationRule.ReceivedOnline => ("Nộp trực tuyến", "Submitted online"),
        ExplanationRule.NotReceivedOnline => ("Không nộp trực tuyến (trực tiếp hoặc bưu chính công ích)", "Not submitted online (in person or by public postal service)"),
        ExplanationRule.PaidOnline => ("Hồ sơ có nghĩa vụ tài chính đã thanh toán trực tuyến", "Fee-bearing dossier paid online"),
        ExplanationRule.NotPaidOnline => ("Hồ sơ có nghĩa vụ tài chính chưa thanh toán trực tuyến", "Fee-bearing dossier not paid online"),
        ExplanationRule.ElectronicResultReturned => ("Đã giải quyết, có cấp kết quả điện tử", "Finished with an electronic result"),
        ExplanationRule.NoElectronicResult => ("Đã giải quyết, không cấp kết quả điện tử", "Finished without an electronic result"),
        ExplanationRule.Digitized => ("Hồ sơ đã được số hóa", "Dossier digitised"),
        ExplanationRule.NotDigitized => ("Hồ sơ chưa được số hóa", "Dossier not digitised"),
        ExplanationRule.DataReused => ("Khai thác, sử dụng lại dữ liệu số hóa", "Digitised data reused"),
        ExplanationRule.DataNotReused => ("Không khai thác, sử dụng lại dữ liệu số hóa", "Digitised data not reused"),
        ExplanationRule.PersonalStoreLinked => ("Được số hóa, có kết nối, chia sẻ dữ liệu phục vụ tái sử dụng", "Digitised and linked for reuse"),
        ExplanationRule.PersonalStoreNotLinked => ("Chưa kết nối, chia sẻ dữ liệu phục vụ tái sử dụng", "Not linked for reuse"),
        ExplanationRule.CitizenDataUsed => ("Có sử dụng thông tin, dữ liệu dân cư", "Uses population data"),
        ExplanationRule.CitizenDataNotUsed => ("Không sử dụng thông tin, dữ liệu dân cư", "Does not use population data"),
        ExplanationRule.Satisfactory => ("Hài lòng: không quá hạn, không đánh giá không hài lòng, không khiếu nại", "Satisfactory: not overdue, not rated dissatisfied, no complaint"),
        ExplanationRule.OverdueUnsatisfactory => ("Quá hạn: tính là không hài lòng", "Overdue: counted as unsatisfactory"),
        ExplanationRule.RatedDissatisfied => ("Được đánh giá không hài lòng", "Rated dissatisfied"),
        ExplanationRule.Complaint => ("Có khiếu nại: tính là không hài lòng", "Complaint: counted as unsatisfactory"),
        ExplanationRule.PetitionResolvedOnTime => ("Phản ánh, kiến nghị được xử lý đúng hạn", "Petition resolved on time"),
        ExplanationRule.PetitionResolvedLate => ("Phản ánh, kiến nghị được xử lý quá hạn", "Petition resolved late"),
        ExplanationRule.PetitionOpenOnTime => ("Phản ánh, kiến nghị đang xử lý trong hạn", "Petition open within the deadline"),
        ExplanationRule.PetitionOpenOverdue => ("Phản ánh, kiến nghị đang xử lý quá hạn", "Petition open and overdue"),
        ExplanationRule.PetitionSatisfactory => ("Hài lòng: xử lý đúng hạn, không đánh giá không hài lòng, không phản ánh lại", "Satisfactory: on time, not rated dissatisfied, no repeat complaint"),
        ExplanationRule.PetitionHandledLate => ("Xử lý quá hạn: tính là không hài lòng", "Handled late: counted as unsatisfactory"),
        ExplanationRule.PetitionRatedNotSatisfied => ("Phản ánh, kiến nghị được đánh giá không hài lòng", "Rated not satisfied"),
        ExplanationRule.PetitionRepeatComplaint => ("Bị phản ánh lại: tính là không hài lòng", "Repeat complaint: counted as unsatisfactory"),
        ExplanationRule.OnlineServiceWithOnlineDossiers => ("DVCTT có phát sinh hồ sơ trực tuyến", "Online service with online dossiers"),
        ExplanationRule.OnlineServiceWithoutOnlineDossiers => ("DVCTT không phát sinh hồ sơ trực tuyến", "Online service without online dossiers"),
        ExplanationRule.OnlineDossiersOfOtherProcedure => ("TTHC có hồ sơ trực tuyến nhưng không thuộc danh sách DVCTT của đơn vị: được tính, tối đa bằng số DVCTT", "Online dossiers of a procedure not listed as the unit's online service: counted, up to the number of online services"),
        ExplanationRule.OnlineDossiersBeyondOnlineServices => ("TTHC có hồ sơ trực tuyến vượt quá số DVCTT: không tính", "Online dossiers beyond the number of online services: not counted"),
        ExplanationRule.FeeProcedurePaidOnline => ("TTHC có nghĩa vụ tài chính có phát sinh thanh toán trực tuyến", "Fee-bearing procedure with a dossier paid online"),
        ExplanationRule.FeeProcedureNotPaidOnline => ("TTHC có nghĩa vụ tài chính chưa phát sinh thanh toán trực tuyến", "Fee-bearing procedure with no dossier paid online"),
        ExplanationRule.PublicationDecidedOnTime => ("Công bố đúng hạn: quyết định công bố trước ngày văn bản có hiệu lực ít nhất 5 ngày làm việc", "Published on time: decided at least 5 working days before the legal basis takes effect"),
        ExplanationRule.PublicationDecidedLate => ("Công bố không đúng hạn", "Not published on time"),
        ExplanationRule.MadePublicOnTime => ("Công khai trong 5 ngày làm việc kể từ ngày quyết định công bố", "Made public within 5 working days of the decision"),
        ExplanationRule.MadePublicLate => ("Chưa công khai hoặc công khai sau 5 ngày làm việc", "Not made public, or made public after 5 working days"),
        ExplanationRule.PublicContentFull => ("Công khai đầy đủ nội dung", "Made public with full content"),
        ExplanationRule.PublicContentIncomplete => ("Công khai chưa đầy đủ nội dung", "Made public without full content"),
        ExplanationRule.ProcedureOnline => ("TTHC cung cấp dịch vụ công trực tuyến", "Procedure offered as an online service"),
        ExplanationRule.ProcedureNotOnline => ("TTHC chưa cung cấp dịch vụ công trực tuyến", "Procedure not offered as an online service"),
        ExplanationRule.FeeIntegrated => ("Được tích hợp thanh toán trực tuyến", "Fee integrated for online payment"),
        ExplanationRule.FeeNotIntegrated => ("Chưa tích hợp thanh toán trực tuyến", "Fee not integrated for online payment"),
        ExplanationRule.PopulationDataConnected => ("Đã kết nối, chia sẻ dữ liệu dân cư", "Connected to population data"),
        ExplanationRule.PopulationDataNotConnected => ("Chưa kết nối, chia sẻ dữ liệu dân cư", "Not connected to population data"),
        _ => (rule.ToString(), rule.ToString()),
    };
}

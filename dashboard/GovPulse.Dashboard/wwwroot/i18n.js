// Words and formats. Vietnamese is the default and uses glossary-vi.md's exact words; English is
// the toggle. Numbers and dates go through Intl ('vi-VN': 88,42 · 597.918 · 18/09/2026).
const STORE = "govpulse.lang";
const ZONE = "Asia/Ho_Chi_Minh";

const vi = {
  "app.subtitle": "Chỉ số phục vụ người dân, doanh nghiệp",
  "app.skip": "Bỏ qua đến nội dung chính",
  "app.footer": "Số liệu theo Quyết định 766/QĐ-TTg · giờ Việt Nam (UTC+7)",
  "app.loading": "Đang tải…",
  "app.loadFailed": "Không tải được số liệu.",
  "app.retry": "Thử lại",
  "app.notFound": "Không tìm thấy trang này.",
  "app.home": "Về trang tổng quan",
  "nav.label": "Màn hình chính",
  "nav.overview": "Tổng quan",
  "nav.rankings": "Bảng xếp hạng",
  "lang.toggle": "English",
  "lang.toggleLabel": "Switch to English",
  "city.name": "Thành phố Hồ Chí Minh (TP.HCM)",
  "live.updated": "Cập nhật lúc {time}",
  "live.updatedOn": "Cập nhật lúc {time}, {date}",
  "live.stale": "Mất kết nối — số liệu có thể chưa mới nhất",
  "live.offline": "Bản lưu ngoại tuyến lúc {time}",
  "score.total": "Tổng điểm",
  "score.of100": "/ 100 điểm",
  "score.pointsMax": "Điểm / Điểm tối đa",
  "score.ratio": "Tỷ lệ",
  "score.points": "{n} điểm",
  "score.band": "Xếp loại",
  "score.noData": "Không có số liệu",
  "nodata.noDossiers": "Chưa có hồ sơ trong kỳ",
  "nodata.ruleZero": "Chưa có số liệu — tính 0 điểm",
  "nodata.ruleFull": "Chưa có số liệu — tính đủ điểm theo quy định",
  "nodata.resting": "{n} điểm dựa trên chỉ số chưa có số liệu",
  "nodata.heldDown": "{n} chỉ số chưa có số liệu (0 điểm)",
  "nodata.groups": "Chưa có hồ sơ trong kỳ nên các nhóm chỉ số chưa được chấm điểm.",
  "nodata.unranked": "Chưa có hồ sơ trong kỳ ({n} đơn vị)",
  "nodata.noneRanked": "Chưa có đơn vị nào được xếp hạng trong kỳ.",
  "nodata.trendEmpty": "Chưa có hồ sơ trong 12 tháng này.",
  "nodata.todayEmpty": "Hôm nay chưa có giờ nào được công bố.",
  "score.days": "{n} ngày",
  "compare.previous": "So với kỳ trước",
  "compare.city": "So với toàn thành phố",
  "compare.previousShort": "Kỳ trước",
  "compare.cityShort": "TP.HCM",
  "compare.none": "chưa có số liệu để so sánh",
  "compare.was": "{period}: {value}",
  "compare.up": "tăng",
  "compare.down": "giảm",
  "compare.above": "cao hơn {n} điểm",
  "compare.below": "thấp hơn {n} điểm",
  "compare.level": "bằng",
  "standing.rank": "Hạng {rank}/{of} {level}",
  "standing.unranked": "Chưa xếp hạng trong các {level}: không có hồ sơ trong kỳ",
  "standing.average": "Bình quân các {level}: {value}",
  "standing.level.commune": "phường, xã, đặc khu",
  "standing.level.department": "sở, ban, ngành",
  "period.label": "Kỳ đánh giá",
  "period.month": "Tháng",
  "period.quarter": "Quý",
  "period.year": "Năm",
  "period.custom": "Tùy chọn",
  "period.from": "Từ ngày",
  "period.to": "Đến ngày",
  "period.dateHint": "dd/mm/yyyy",
  "period.badDate": "Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy, ví dụ 01/12/2026.",
  "period.badRange": "Đến ngày phải sau Từ ngày, và Từ ngày không sau hôm nay.",
  "period.apply": "Xem",
  "period.monthLabel": "Tháng {m}/{y}",
  "period.quarterLabel": "Quý {q}/{y}",
  "period.yearLabel": "Năm {y}",
  "period.rangeLabel": "{from} – {to}",
  "period.toDate": "{label} (lũy kế đến {day})",
  "counts.title": "Hồ sơ",
  "counts.received": "Hồ sơ tiếp nhận",
  "counts.onTime": "Giải quyết trước hạn, đúng hạn",
  "counts.overdue": "Quá hạn",
  "counts.overdueDetail": "Giải quyết quá hạn {late} · Đang giải quyết (quá hạn) {open}",
  "counts.inProgress": "Đang giải quyết (trong hạn)",
  "counts.apologies": "Phiếu xin lỗi và hẹn lại ngày trả kết quả",
  "groups.title": "Điểm theo nhóm chỉ số",
  "groups.share": "{n}% điểm tối đa",
  "groups.legend": "Màu thanh theo tỷ lệ điểm đạt được:",
  "overview.behind": "Đơn vị cần quan tâm",
  "overview.lowest": "Xếp hạng thấp nhất — Phường, xã, đặc khu",
  "overview.allRankings": "Xem bảng xếp hạng",
  "overview.detail": "Xem chi tiết các chỉ số",
  "movers.up": "Tăng điểm nhiều nhất",
  "movers.down": "Giảm điểm nhiều nhất",
  "movers.none": "Chưa có thay đổi so với kỳ trước.",
  "chart.trend": "Tổng điểm 12 tháng gần nhất",
  "chart.today": "Tổng điểm theo giờ hôm nay",
  "chart.figures": "Số liệu của biểu đồ",
  "chart.month": "Tháng",
  "chart.hour": "Giờ",
  "chart.noDossiers": "Không có hồ sơ tiếp nhận",
  "chart.nothingYet": "Chưa có số liệu",
  "chart.late": "công bố muộn",
  "rankings.title": "Bảng xếp hạng",
  "rankings.level": "Cấp đơn vị",
  "rankings.communes": "Phường, xã, đặc khu",
  "rankings.departments": "Sở, ban, ngành",
  "rankings.search": "Tìm theo tên",
  "rankings.searchHint": "vd. tan dinh",
  "rankings.allBands": "Tất cả",
  "rankings.unit": "Đơn vị",
  "rankings.rank": "Hạng",
  "rankings.shown": "Hiển thị {shown}/{all} đơn vị",
  "rankings.noMatch": "Không có đơn vị phù hợp.",
  "rankings.sortBy": "Sắp xếp theo {column}",
  "unit.kind.city": "Thành phố",
  "unit.kind.commune": "Phường, xã, đặc khu",
  "unit.kind.department": "Sở, ban, ngành",
  "unit.indicator": "Chỉ số",
  "unit.numDen": "{num} / {den}",
  "unit.daysCounts": "{den} hồ sơ, tổng {num} ngày",
  "unit.late": "Xem hồ sơ quá hạn",
  "unit.lateCount": "Xem hồ sơ quá hạn ({n})",
  "unit.back": "Bảng xếp hạng",
  "unit.unknown": "Không có đơn vị mã {code}.",
  "late.title": "Hồ sơ quá hạn",
  "late.received": "Tiếp nhận {date}",
  "late.due": "Hẹn trả {date}",
  "late.daysLeft": "Còn {n} ngày làm việc",
  "late.supplements": "Yêu cầu bổ sung {n} lần",
  "late.show": "Hiển thị",
  "late.overdueTab": "Quá hạn",
  "late.dueSoonTab": "Sắp đến hạn",
  "late.noneDueSoon": "Không có hồ sơ sắp đến hạn.",
  "late.unavailable": "Không xem được danh sách hồ sơ của đơn vị này.",
  "late.none": "Không có hồ sơ quá hạn.",
  "late.back": "Về trang đơn vị",
  "late.titleDueSoon": "Hồ sơ sắp đến hạn",
  "late.titleInProgress": "Hồ sơ đang giải quyết",
  "late.inProgressTab": "Đang giải quyết",
  "late.noneInProgress": "Không có hồ sơ đang giải quyết.",
  "late.channel.Online": "Trực tuyến",
  "late.channel.InPerson": "Trực tiếp",
  "late.channel.Postal": "Bưu chính công ích",
  "late.dueShort": "hẹn trả {date}",
  "late.phrase.daysLate": "Quá hạn {n} ngày làm việc (từ {date})",
  "late.phrase.dayLate": "Quá hạn {n} ngày làm việc (từ {date})",
  "late.dayLeft": "Còn {n} ngày làm việc",
  "late.phrase.sinceToday": "Quá hạn từ {time} hôm nay",
  "late.phrase.sinceDay": "Quá hạn từ {date} (chưa qua ngày làm việc nào)",
  "late.phrase.supplements": "Tính là quá hạn: đã yêu cầu bổ sung {n} lần · hẹn trả {date}",
  "late.phrase.dueToday": "Đến hạn lúc {time} hôm nay",
  "late.phrase.dueOn": "Đến hạn {date}",
  "late.source": "Mở trong hệ thống một cửa",
  "late.page": "Trang {page}/{pages}",
  "late.prev": "← Trang trước",
  "late.next": "Trang sau →",
  "late.paging": "Chuyển trang",
  "late.pastEnd": "Trang này không còn hồ sơ.",
  "late.firstPage": "Về trang đầu",
  "chase.title": "Hồ sơ quá hạn toàn thành phố",
  "chase.titleDueSoon": "Hồ sơ sắp đến hạn toàn thành phố",
  "chase.titleInProgress": "Hồ sơ đang giải quyết toàn thành phố",
  "chase.level": "Cấp đơn vị",
  "chase.allLevels": "Tất cả",
  "chase.summary.overdue": "{n} hồ sơ quá hạn ở {units} đơn vị",
  "chase.summary.due-soon": "{n} hồ sơ sắp đến hạn ở {units} đơn vị",
  "chase.summary.in-progress": "{n} hồ sơ đang giải quyết ở {units} đơn vị",
  "chase.unitCounts": "Quá hạn {overdue} · Sắp đến hạn {dueSoon} · Đang giải quyết {inProgress}",
  "chase.all": "Xem cả {n} hồ sơ của đơn vị",
  "chase.none": "Không đơn vị nào có hồ sơ ở mục này.",
  "chase.overviewLine": "{n} hồ sơ quá hạn ở {units} đơn vị — xem",
  "chase.overviewNone": "Không có hồ sơ quá hạn — xem hồ sơ đang giải quyết",
  "signin.title": "Đăng nhập",
  "signin.username": "Tên đăng nhập",
  "signin.password": "Mật khẩu",
  "signin.submit": "Đăng nhập",
  "signin.signout": "Đăng xuất",
  "signin.wrong": "Tên đăng nhập hoặc mật khẩu không đúng.",
  "signin.locked": "Tài khoản đang bị tạm khóa.",
  "signin.failed": "Không đăng nhập được. Vui lòng thử lại.",
  "signin.required": "Vui lòng nhập tên đăng nhập và mật khẩu.",
  "signin.busy": "Đang đăng nhập…",
  "role.leader": "Lãnh đạo",
  "role.departmentHead": "Thủ trưởng đơn vị",
  "role.auditor": "Thanh tra – kiểm tra",
  "role.admin": "Quản trị hệ thống",
  "band.Xuất sắc": "Xuất sắc",
  "band.Tốt": "Tốt",
  "band.Khá": "Khá",
  "band.Trung bình": "Trung bình",
  "band.Yếu": "Yếu",
  "group.PUBLICITY": "Công khai, minh bạch",
  "group.PROGRESS": "Tiến độ, kết quả giải quyết",
  "group.ONLINE": "Dịch vụ công trực tuyến",
  "group.PAYMENT": "Thanh toán trực tuyến",
  "group.DIGITIZATION": "Mức độ số hóa hồ sơ",
  "group.SATISFACTION": "Mức độ hài lòng",
  "indicator.PUBLISH_ON_TIME": "Tỷ lệ TTHC công bố đúng hạn",
  "indicator.PUBLIC_UPDATE_ON_TIME": "Tỷ lệ TTHC cập nhật, công khai đúng hạn",
  "indicator.PUBLIC_CONTENT_FULL": "Tỷ lệ TTHC công khai đầy đủ nội dung",
  "indicator.DOSSIER_SYNC": "Tỷ lệ hồ sơ đồng bộ lên Cổng DVCQG",
  "indicator.ON_TIME_PROCESSING": "Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn",
  "indicator.AVG_PROCESSING_DAYS": "Thời gian giải quyết TTHC trung bình",
  "indicator.ONLINE_PROCEDURES": "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến",
  "indicator.ONLINE_SERVICES_WITH_DOSSIERS": "Tỷ lệ DVCTT có phát sinh hồ sơ",
  "indicator.ONLINE_SUBMISSION": "Tỷ lệ hồ sơ nộp trực tuyến",
  "indicator.FEE_PROCEDURES_INTEGRATED": "Tỷ lệ TTHC có nghĩa vụ tài chính được tích hợp thanh toán trực tuyến",
  "indicator.FEE_PROCEDURES_PAID_ONLINE": "Tỷ lệ TTHC có phát sinh thanh toán trực tuyến",
  "indicator.DOSSIERS_PAID_ONLINE": "Tỷ lệ hồ sơ thanh toán trực tuyến",
  "indicator.ELECTRONIC_RESULT": "Tỷ lệ hồ sơ TTHC có cấp kết quả giải quyết TTHC điện tử",
  "indicator.DOSSIER_DIGITIZED": "Tỷ lệ hồ sơ TTHC thực hiện số hóa hồ sơ",
  "indicator.DATA_REUSED": "Tỷ lệ hồ sơ khai thác, sử dụng lại thông tin, dữ liệu số hóa",
  "indicator.PERSONAL_STORE_LINKED": "Tỷ lệ hồ sơ TTHC được số hóa có kết nối, chia sẻ dữ liệu phục vụ tái sử dụng",
  "indicator.CITIZEN_DATA_DOSSIERS": "Tỷ lệ hồ sơ TTHC có sử dụng thông tin, dữ liệu dân cư",
  "indicator.CITIZEN_DATA_PROCEDURES": "Tỷ lệ TTHC triển khai kết nối, chia sẻ dữ liệu dân cư phục vụ giải quyết TTHC",
  "indicator.ELECTRONIC_CERTIFIED_COPY": "Tỷ lệ cung cấp dịch vụ chứng thực bản sao điện tử từ bản chính",
  "indicator.PETITION_ON_TIME": "Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn",
  "indicator.PETITION_SATISFACTION": "Mức độ hài lòng trong xử lý phản ánh, kiến nghị",
  "indicator.DOSSIER_SATISFACTION": "Mức độ hài lòng trong tiếp nhận, giải quyết TTHC",
};

const en = {
  "app.subtitle": "Service quality index for citizens and businesses",
  "app.skip": "Skip to main content",
  "app.footer": "Figures per Decision 766/QĐ-TTg · Vietnam time (UTC+7)",
  "app.loading": "Loading…",
  "app.loadFailed": "The figures could not be loaded.",
  "app.retry": "Try again",
  "app.notFound": "This page does not exist.",
  "app.home": "Back to the overview",
  "nav.label": "Main screens",
  "nav.overview": "Overview",
  "nav.rankings": "Rankings",
  "lang.toggle": "Tiếng Việt",
  "lang.toggleLabel": "Chuyển sang tiếng Việt",
  "city.name": "Ho Chi Minh City",
  "live.updated": "Updated at {time}",
  "live.updatedOn": "Updated at {time}, {date}",
  "live.stale": "Disconnected — figures may be out of date",
  "live.offline": "Offline copy from {time}",
  "score.total": "Total points",
  "score.of100": "/ 100 points",
  "score.pointsMax": "Points / max",
  "score.ratio": "Ratio",
  "score.points": "{n} points",
  "score.band": "Band",
  "score.noData": "No data",
  "nodata.noDossiers": "No dossiers in this period",
  "nodata.ruleZero": "No data — scored 0",
  "nodata.ruleFull": "No data — full points by the rule",
  "nodata.resting": "{n} points rest on indicators without data",
  "nodata.heldDown": "{n} indicators without data (0 points)",
  "nodata.groups": "No dossiers in this period, so no group is scored.",
  "nodata.unranked": "No dossiers in this period ({n} units)",
  "nodata.noneRanked": "No unit is ranked in this period.",
  "nodata.trendEmpty": "No dossiers in these 12 months.",
  "nodata.todayEmpty": "No hour published yet today.",
  "score.days": "{n} days",
  "compare.previous": "vs previous period",
  "compare.city": "vs city",
  "compare.previousShort": "Previous",
  "compare.cityShort": "City",
  "compare.none": "nothing to compare with yet",
  "compare.was": "{period}: {value}",
  "compare.up": "up",
  "compare.down": "down",
  "compare.above": "{n} points above",
  "compare.below": "{n} points below",
  "compare.level": "level with",
  "standing.rank": "Rank {rank} of {of} {level}",
  "standing.unranked": "Not ranked among {level}: no dossiers in this period",
  "standing.average": "Average of {level}: {value}",
  "standing.level.commune": "communes and wards",
  "standing.level.department": "city departments",
  "period.label": "Period",
  "period.month": "Month",
  "period.quarter": "Quarter",
  "period.year": "Year",
  "period.custom": "Custom",
  "period.from": "From",
  "period.to": "To",
  "period.dateHint": "dd/mm/yyyy",
  "period.badDate": "Not a valid date: type it as dd/mm/yyyy, e.g. 01/12/2026.",
  "period.badRange": "The end date must not be before the start date, and the start date not after today.",
  "period.apply": "Show",
  "period.monthLabel": "{name} {y}",
  "period.quarterLabel": "Q{qn} {y}",
  "period.yearLabel": "Year {y}",
  "period.rangeLabel": "{from} – {to}",
  "period.toDate": "{label} (to date, {day})",
  "counts.title": "Dossiers",
  "counts.received": "Dossiers received",
  "counts.onTime": "Finished early or on time",
  "counts.overdue": "Overdue",
  "counts.overdueDetail": "Finished late {late} · In progress, overdue {open}",
  "counts.inProgress": "In progress (within deadline)",
  "counts.apologies": "Apology letters",
  "groups.title": "Points by group",
  "groups.share": "{n}% of max",
  "groups.legend": "Bar colour by share of max points:",
  "overview.behind": "Units to watch",
  "overview.lowest": "Lowest ranked — communes and wards",
  "overview.allRankings": "See the rankings",
  "overview.detail": "See every indicator",
  "movers.up": "Biggest risers",
  "movers.down": "Biggest fallers",
  "movers.none": "No change since the previous period yet.",
  "chart.trend": "Total points, last 12 months",
  "chart.today": "Total points by hour today",
  "chart.figures": "Chart figures",
  "chart.month": "Month",
  "chart.hour": "Hour",
  "chart.noDossiers": "No dossiers received",
  "chart.nothingYet": "No figures yet",
  "chart.late": "published late",
  "rankings.title": "Rankings",
  "rankings.level": "Level",
  "rankings.communes": "Communes and wards",
  "rankings.departments": "City departments",
  "rankings.search": "Search by name",
  "rankings.searchHint": "e.g. tan dinh",
  "rankings.allBands": "All",
  "rankings.unit": "Unit",
  "rankings.rank": "Rank",
  "rankings.shown": "Showing {shown} of {all} units",
  "rankings.noMatch": "No unit matches.",
  "rankings.sortBy": "Sort by {column}",
  "unit.kind.city": "City",
  "unit.kind.commune": "Communes and wards",
  "unit.kind.department": "City departments",
  "unit.indicator": "Indicator",
  "unit.numDen": "{num} / {den}",
  "unit.daysCounts": "{den} dossiers, {num} days in total",
  "unit.late": "See late dossiers",
  "unit.lateCount": "See late dossiers ({n})",
  "unit.back": "Rankings",
  "unit.unknown": "There is no unit with code {code}.",
  "late.title": "Late dossiers",
  "late.received": "Received {date}",
  "late.due": "Due {date}",
  "late.daysLeft": "{n} working days left",
  "late.supplements": "Supplement requested {n} times",
  "late.show": "Show",
  "late.overdueTab": "Overdue",
  "late.dueSoonTab": "Due soon",
  "late.noneDueSoon": "No dossiers due soon.",
  "late.unavailable": "The dossier list of this unit cannot be shown.",
  "late.none": "No late dossiers.",
  "late.back": "Back to the unit",
  "late.titleDueSoon": "Dossiers due soon",
  "late.titleInProgress": "Dossiers in progress",
  "late.inProgressTab": "In progress",
  "late.noneInProgress": "No dossiers in progress.",
  "late.channel.Online": "Online",
  "late.channel.InPerson": "In person",
  "late.channel.Postal": "Public postal service",
  "late.dueShort": "due {date}",
  "late.phrase.daysLate": "Overdue {n} working days (since {date})",
  "late.phrase.dayLate": "Overdue {n} working day (since {date})",
  "late.dayLeft": "{n} working day left",
  "late.phrase.sinceToday": "Overdue since {time} today",
  "late.phrase.sinceDay": "Overdue since {date} (no working day since)",
  "late.phrase.supplements": "Counts as overdue: supplement requested {n} times · due {date}",
  "late.phrase.dueToday": "Due today at {time}",
  "late.phrase.dueOn": "Due {date}",
  "late.source": "Open in the one-stop system",
  "late.page": "Page {page}/{pages}",
  "late.prev": "← Previous page",
  "late.next": "Next page →",
  "late.paging": "Pages",
  "late.pastEnd": "This page has no dossiers left.",
  "late.firstPage": "Back to page 1",
  "chase.title": "Overdue dossiers across the city",
  "chase.titleDueSoon": "Dossiers due soon across the city",
  "chase.titleInProgress": "Dossiers in progress across the city",
  "chase.level": "Level",
  "chase.allLevels": "All",
  "chase.summary.overdue": "{n} overdue dossiers in {units} units",
  "chase.summary.due-soon": "{n} dossiers due soon in {units} units",
  "chase.summary.in-progress": "{n} dossiers in progress in {units} units",
  "chase.unitCounts": "Overdue {overdue} · Due soon {dueSoon} · In progress {inProgress}",
  "chase.all": "See all {n} dossiers of the unit",
  "chase.none": "No unit has dossiers here.",
  "chase.overviewLine": "{n} overdue dossiers in {units} units — see",
  "chase.overviewNone": "No overdue dossiers — see those in progress",
  "signin.title": "Sign in",
  "signin.username": "Username",
  "signin.password": "Password",
  "signin.submit": "Sign in",
  "signin.signout": "Sign out",
  "signin.wrong": "Wrong username or password.",
  "signin.locked": "This account is locked for now.",
  "signin.failed": "Could not sign in. Please try again.",
  "signin.required": "Please enter your username and password.",
  "signin.busy": "Signing in…",
  "role.leader": "Leader",
  "role.departmentHead": "Department head",
  "role.auditor": "Auditor",
  "role.admin": "Administrator",
  "band.Xuất sắc": "Excellent",
  "band.Tốt": "Good",
  "band.Khá": "Fair",
  "band.Trung bình": "Average",
  "band.Yếu": "Weak",
  "group.PUBLICITY": "Publicity and transparency",
  "group.PROGRESS": "Progress and results",
  "group.ONLINE": "Online public services",
  "group.PAYMENT": "Online payment",
  "group.DIGITIZATION": "Digitisation",
  "group.SATISFACTION": "Satisfaction",
  "indicator.PUBLISH_ON_TIME": "Procedures published on time",
  "indicator.PUBLIC_UPDATE_ON_TIME": "Procedures updated and made public on time",
  "indicator.PUBLIC_CONTENT_FULL": "Procedures made public with full content",
  "indicator.DOSSIER_SYNC": "Dossiers synchronised to the national portal",
  "indicator.ON_TIME_PROCESSING": "Dossiers processed early or on time",
  "indicator.AVG_PROCESSING_DAYS": "Average time to settle a procedure",
  "indicator.ONLINE_PROCEDURES": "Procedures offered as online public services",
  "indicator.ONLINE_SERVICES_WITH_DOSSIERS": "Online services that received dossiers",
  "indicator.ONLINE_SUBMISSION": "Dossiers submitted online",
  "indicator.FEE_PROCEDURES_INTEGRATED": "Fee-bearing procedures integrated with online payment",
  "indicator.FEE_PROCEDURES_PAID_ONLINE": "Fee-bearing procedures with an online payment",
  "indicator.DOSSIERS_PAID_ONLINE": "Dossiers paid online",
  "indicator.ELECTRONIC_RESULT": "Dossiers given an electronic result",
  "indicator.DOSSIER_DIGITIZED": "Dossiers digitised",
  "indicator.DATA_REUSED": "Dossiers reusing digitised data",
  "indicator.PERSONAL_STORE_LINKED": "Digitised dossiers linked for reuse",
  "indicator.CITIZEN_DATA_DOSSIERS": "Dossiers using population data",
  "indicator.CITIZEN_DATA_PROCEDURES": "Procedures connected to population data",
  "indicator.ELECTRONIC_CERTIFIED_COPY": "Electronic certified copies from originals",
  "indicator.PETITION_ON_TIME": "Petitions handled on time",
  "indicator.PETITION_SATISFACTION": "Satisfaction with petition handling",
  "indicator.DOSSIER_SATISFACTION": "Satisfaction with dossier handling",
};

export const dictionaries = { vi, en };
export const BANDS = ["Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu"];
export const BAND_KEYS = { "Xuất sắc": "excellent", "Tốt": "good", "Khá": "fair", "Trung bình": "average", "Yếu": "weak" };
const ROMAN = ["I", "II", "III", "IV"];

let current = readStored();
const listeners = new Set();
let formats = makeFormats(current);

function readStored() {
  try {
    const stored = localStorage.getItem(STORE);
    return stored === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

function makeFormats(lang) {
  const locale = lang === "en" ? "en-GB" : "vi-VN";
  return {
    locale,
    points: new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    count: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
    date: new Intl.DateTimeFormat(locale, { day: "2-digit", month: "2-digit", year: "numeric", timeZone: ZONE }),
    time: new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23", timeZone: ZONE }),
    shortTime: new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: ZONE }),
    monthName: new Intl.DateTimeFormat("en-GB", { month: "long", timeZone: "UTC" }),
    dayMonth: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" }),
  };
}

export function lang() {
  return current;
}

export function setLang(next) {
  current = next === "en" ? "en" : "vi";
  formats = makeFormats(current);
  try { localStorage.setItem(STORE, current); } catch { /* private mode: not remembered */ }
  document.documentElement.lang = current;
  listeners.forEach(fn => fn(current));
}

export function onLangChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** The word for key in the current language, with {name} placeholders filled. */
export function t(key, vars) {
  const table = current === "en" ? en : vi;
  let text = table[key] ?? vi[key] ?? key;
  if (vars) {
    for (const [name, value] of Object.entries(vars)) text = text.replaceAll(`{${name}}`, String(value));
  }
  return text;
}

export const groupName = code => t("group." + code);
export const indicatorName = code => t("indicator." + code);
export const bandName = band => (band ? t("band." + band) : "");
export const roleName = role => t("role." + role);

/** 88,42 (vi) · 88.42 (en): points and scores, always 2 decimals. */
export const points = value => formats.points.format(value);
/** 597.918 (vi) · 597,918 (en). */
export const count = value => formats.count.format(value);
/** 88,42% : ratios arrive as percentages. */
export const percent = value => formats.points.format(value) + "%";
/** +1,25 · −0,40 · ±0,00 */
export const signed = value => (value > 0 ? "+" : value < 0 ? "−" : "±") + formats.points.format(Math.abs(value));
/** 18/09/2026, in Vietnam time. */
export const date = value => formats.date.format(toDate(value));
/** A Vietnam day "2026-12-06" as 06/12 (vi) · 6 Dec (en). */
// Written out for vi: Intl's vi-VN day-and-month is "06-12" in some engines.
export const dayMonth = isoDay => current === "en" ? formats.dayMonth.format(new Date(isoDay + "T00:00:00Z")) : `${isoDay.slice(8, 10)}/${isoDay.slice(5, 7)}`;
/** 10:42:05, in Vietnam time. */
export const time = value => formats.time.format(toDate(value));
/** 10:42 */
export const shortTime = value => formats.shortTime.format(toDate(value));
/** 10:42 18/09/2026 */
export const dateTime = value => `${shortTime(value)} ${date(value)}`;

function toDate(value) {
  return value instanceof Date ? value : new Date(value);
}

/** Tháng 9/2026 · Quý III/2026 · Năm 2026 · 01/11/2026 – 15/11/2026 (and the English forms). */
export function periodLabel(label) {
  let m;
  if ((m = /^(\d{4})-(\d{2})$/.exec(label))) {
    const month = Number(m[2]);
    const name = formats.monthName.format(new Date(Date.UTC(2000, month - 1, 1)));
    return t("period.monthLabel", { m: month, y: m[1], name });
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(label))) {
    return t("period.quarterLabel", { q: ROMAN[Number(m[2]) - 1], qn: m[2], y: m[1] });
  }
  if ((m = /^(\d{4})$/.exec(label))) return t("period.yearLabel", { y: m[1] });
  if ((m = /^(\d{4})-(\d{2})-(\d{2})\.\.(\d{4})-(\d{2})-(\d{2})$/.exec(label))) {
    return t("period.rangeLabel", { from: `${m[3]}/${m[2]}/${m[1]}`, to: `${m[6]}/${m[5]}/${m[4]}` });
  }
  return label;
}

/** Fills every [data-i18n] element of root with its word (and [data-i18n-attr]="attr:key"). */
export function translate(root = document) {
  root.querySelectorAll("[data-i18n]").forEach(el => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll("[data-i18n-attr]").forEach(el => {
    for (const pair of el.dataset.i18nAttr.split(";")) {
      const [attr, key] = pair.split(":");
      if (attr && key) el.setAttribute(attr.trim(), t(key.trim()));
    }
  });
}

document.documentElement.lang = current;

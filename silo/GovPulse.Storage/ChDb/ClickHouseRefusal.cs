namespace GovPulse.Storage.ChDb;

/// <summary>Why the HTTP endpoint turns a request down, as ClickHouse would say it: its error code and name, the text, and the HTTP status.</summary>
internal readonly record struct ClickHouseRefusal(int Code, string Name, string Message, int Status);

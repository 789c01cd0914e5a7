namespace GovPulse.Storage.ClickHouse;

/// <summary>
/// The <c>data_protection_keys</c> table (migration 0006): ASP.NET Core Data Protection's key ring as
/// XML elements, shared by every node. Elements are only added.
/// </summary>
public interface IDataProtectionKeyStore
{
    /// <summary>Every stored element, oldest first.</summary>
    Task<IReadOnlyList<string>> ReadAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds one element.</summary>
    Task AddAsync(string friendlyName, string xml, DateTimeOffset at, CancellationToken cancellationToken = default);
}

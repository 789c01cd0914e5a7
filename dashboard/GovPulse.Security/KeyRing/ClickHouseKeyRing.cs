using System.Xml.Linq;
using GovPulse.Storage.ClickHouse;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace GovPulse.Security.KeyRing;

/// <summary>
/// Keeps ASP.NET Core Data Protection's keys (which encrypt session cookies and anti-forgery tokens)
/// in ClickHouse <c>data_protection_keys</c>, so every node reads every other node's cookies and a
/// restart signs nobody out. The framework calls these methods rarely (at start, when its cached key
/// ring expires, about daily, and when it makes a new key, about every 90 days), and synchronously.
/// </summary>
public sealed class ClickHouseKeyRing(IDataProtectionKeyStore store, TimeProvider time) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. store.ReadAllAsync().GetAwaiter().GetResult().Select(xml => XElement.Parse(xml))];

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        store.AddAsync(friendlyName ?? string.Empty, element.ToString(SaveOptions.DisableFormatting), time.GetUtcNow()).GetAwaiter().GetResult();
    }
}

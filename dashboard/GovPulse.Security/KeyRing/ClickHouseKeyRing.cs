using System.Xml.Linq;
using GovPulse.Storage.ClickHouse;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Logging;

namespace GovPulse.Security.KeyRing;

/// <summary>
/// Keeps ASP.NET Core Data Protection's keys (which encrypt session cookies and anti-forgery tokens)
/// in ClickHouse <c>data_protection_keys</c>, so every node reads every other node's cookies and a
/// restart signs nobody out. Each key's secret is stored encrypted (<see cref="KeyRingXmlEncryptor"/>).
/// The framework calls these methods rarely (at start, when its cached key ring expires, about daily,
/// and when it makes a new key, about every 90 days), and synchronously.
/// </summary>
/// <remarks>
/// A key found stored in the clear (by an earlier version) is revoked as it is read, before the
/// framework sees it (<see cref="ClearKeyRevocation"/>): revoking through the framework afterwards
/// would leave the ring it already cached in use for a while.
/// </remarks>
public sealed partial class ClickHouseKeyRing(IDataProtectionKeyStore store, TimeProvider time, ILogger<ClickHouseKeyRing> logger) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        List<XElement> elements = [.. store.ReadAllAsync().GetAwaiter().GetResult().Select(xml => XElement.Parse(xml))];
        foreach (var revocation in ClearKeyRevocation.RevocationsFor(elements, time.GetUtcNow()))
        {
            var keyId = (string)revocation.Element("key")!.Attribute("id")!;
            StoreElement(revocation, "revocation-" + keyId);
            elements.Add(revocation);
            LogRevoked(keyId);
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        store.AddAsync(friendlyName ?? string.Empty, element.ToString(SaveOptions.DisableFormatting), time.GetUtcNow()).GetAwaiter().GetResult();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Key ring key {KeyId} was stored unencrypted by an earlier version: revoked, a new encrypted key replaces it; sessions signed with it end (people sign in again once)")]
    private partial void LogRevoked(string keyId);
}

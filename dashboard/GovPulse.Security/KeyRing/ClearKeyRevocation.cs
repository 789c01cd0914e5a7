using System.Xml.Linq;

namespace GovPulse.Security.KeyRing;

/// <summary>
/// Which key ring entries were stored in the clear (by a version before the key ring was encrypted)
/// and are not yet revoked, and the revocations that retire them. Anyone who read the database holds
/// those keys and could sign a cookie the node would read, expired or not, until the key is revoked;
/// revoked, the framework makes a new, encrypted key, and sessions signed with the old ones end once.
/// </summary>
/// <remarks>
/// The framework marks a secret for the encryptor with <c>requiresEncryption="true"</c> and, once
/// encrypted, replaces the marked element with <c>&lt;encryptedSecret&gt;</c>: a marked element left
/// in a stored key means its secret is in the clear. The revocation has the framework's own shape
/// (what <c>IKeyManager.RevokeKey</c> writes), so every node reads it.
/// </remarks>
public static class ClearKeyRevocation
{
    /// <summary>A revocation for every key in <paramref name="elements"/> that holds its secret in the clear and is not revoked.</summary>
    public static IReadOnlyList<XElement> RevocationsFor(IReadOnlyCollection<XElement> elements, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(elements);
        var revocations = elements.Where(e => e.Name.LocalName == "revocation").ToList();
        return [.. elements
            .Where(e => e.Name.LocalName == "key" && HoldsSecretInTheClear(e) && !IsRevoked(e, revocations))
            .Select(e => Revocation((string)e.Attribute("id")!, now))];
    }

    private static bool HoldsSecretInTheClear(XElement key) =>
        key.Attribute("id") is not null
        && key.Descendants().Any(e => e.Attributes().Any(a => a.Name.LocalName == "requiresEncryption" && string.Equals(a.Value, "true", StringComparison.OrdinalIgnoreCase)));

    private static bool IsRevoked(XElement key, IEnumerable<XElement> revocations)
    {
        var id = (string)key.Attribute("id")!;
        var created = key.Element("creationDate") is { } date ? (DateTimeOffset?)(DateTimeOffset)date : null;
        foreach (var revocation in revocations)
        {
            var revoked = (string?)revocation.Element("key")?.Attribute("id");
            if (string.Equals(revoked, id, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            // "Every key made before this date" (IKeyManager.RevokeAllKeys).
            if (revoked == "*" && created is { } made && revocation.Element("revocationDate") is { } before && made <= (DateTimeOffset)before)
            {
                return true;
            }
        }

        return false;
    }

    private static XElement Revocation(string keyId, DateTimeOffset now) =>
        new("revocation", new XAttribute("version", 1),
            new XElement("revocationDate", now),
            new XElement("key", new XAttribute("id", keyId)),
            new XElement("reason", "Stored unencrypted by an earlier GovPulse: whoever read the database could sign cookies with it."));
}

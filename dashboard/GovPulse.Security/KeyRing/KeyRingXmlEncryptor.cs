using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace GovPulse.Security.KeyRing;

/// <summary>
/// Encrypts each key ring entry's secret (the framework hands over its <c>&lt;masterKey&gt;</c>) with
/// the current <see cref="KeyRingKey"/> before it is stored, so the rows in ClickHouse hold no key a
/// reader could sign cookies with. The framework records <see cref="KeyRingXmlDecryptor"/> beside it.
/// </summary>
public sealed class KeyRingXmlEncryptor(KeyRingKeys keys) : IXmlEncryptor
{
    /// <summary>The element that replaces the secret: <c>&lt;sealedByKeyRingKey keyId="…"&gt;base64&lt;/…&gt;</c>.</summary>
    public static readonly XName SealedName = "sealedByKeyRingKey";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        try
        {
            var key = keys.Current;
            var sealedElement = new XElement(SealedName, new XAttribute("keyId", key.Id), Convert.ToBase64String(key.Seal(plaintext)));
            return new EncryptedXmlInfo(sealedElement, typeof(KeyRingXmlDecryptor));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GovPulse.Security.KeyRing;

/// <summary>
/// Opens what <see cref="KeyRingXmlEncryptor"/> sealed, with the key its id names. The framework makes
/// one per entry through its activator, which passes the service provider: hence the constructor.
/// </summary>
public sealed partial class KeyRingXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var keys = services.GetService<KeyRingKeys>()
            ?? throw new CryptographicException("This process has no key ring key, so it cannot read GovPulse's key ring.");
        // The id comes from the database: only a well-formed one is repeated in logs and messages.
        var stored = (string?)encryptedElement.Attribute("keyId") ?? string.Empty;
        var id = stored.Length == 8 && stored.All(char.IsAsciiHexDigitLower) ? stored : "(malformed id)";
        var key = keys.Find(stored);
        if (key is null)
        {
            // Said here, plainly: the framework reports a key it cannot read only in passing.
            if (services.GetService<ILogger<KeyRingXmlDecryptor>>() is { } logger)
            {
                LogUnknownKey(logger, id);
            }

            throw new CryptographicException(
                $"A key ring entry is encrypted with key ring key {id}, which this node does not have: every node sharing the database " +
                "needs the same GovPulse:Secrets:KeyRingKey (after a change, the old one in GovPulse:Secrets:RetiredKeyRingKeys).");
        }

        var plaintext = key.Open(Convert.FromBase64String(encryptedElement.Value));
        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A key ring entry is encrypted with key ring key {KeyId}, which this node does not have: every node sharing the database needs the same GovPulse:Secrets:KeyRingKey (after a change, the old one in GovPulse:Secrets:RetiredKeyRingKeys); sessions made by nodes with that key are refused here")]
    private static partial void LogUnknownKey(ILogger logger, string keyId);
}

using System.Security.Cryptography;
using System.Xml.Linq;
using GovPulse.Security.KeyRing;
using Microsoft.Extensions.DependencyInjection;

namespace GovPulse.EndToEnd.Tests;

/// <summary>The key ring key's sealing of key ring entries, in process: the same types the node uses, real AES-GCM.</summary>
public sealed class KeyRingEncryptionTests
{
    private static readonly XElement Secret = new("masterKey", new XElement("value", "c2VjcmV0IGtleSBtYXRlcmlhbA=="));

    [Fact]
    public void An_entry_sealed_with_the_current_key_opens_after_the_key_is_retired_and_holds_no_secret_in_the_clear()
    {
        var old = KeyRingKey.New();
        var sealedEntry = new KeyRingXmlEncryptor(new KeyRingKeys(old, [])).Encrypt(Secret);
        var next = KeyRingKey.New();
        var rotated = new KeyRingKeys(next, [old]);

        var opened = Decryptor(rotated).Decrypt(sealedEntry.EncryptedElement);
        var resealed = new KeyRingXmlEncryptor(rotated).Encrypt(Secret).EncryptedElement;

        sealedEntry.EncryptedElement.ToString().Should().NotContain("c2VjcmV0IGtleSBtYXRlcmlhbA==").And.NotContain("masterKey");
        sealedEntry.DecryptorType.Should().Be<KeyRingXmlDecryptor>();
        ((string?)sealedEntry.EncryptedElement.Attribute("keyId")).Should().Be(old.Id);
        XNode.DeepEquals(opened, Secret).Should().BeTrue();
        ((string?)resealed.Attribute("keyId")).Should().Be(next.Id, "new entries are sealed with the current key only");
    }

    [Fact]
    public void An_entry_sealed_with_a_key_this_node_lacks_is_refused_with_what_to_do()
    {
        var sealedEntry = new KeyRingXmlEncryptor(new KeyRingKeys(KeyRingKey.New(), [])).Encrypt(Secret).EncryptedElement;

        var act = () => Decryptor(new KeyRingKeys(KeyRingKey.New(), [])).Decrypt(sealedEntry);

        act.Should().Throw<CryptographicException>().WithMessage("*every node sharing the database needs the same GovPulse:Secrets:KeyRingKey*");
    }

    [Fact]
    public void An_entry_changed_after_sealing_or_moved_under_another_key_id_does_not_open()
    {
        var key = KeyRingKey.New();
        var other = KeyRingKey.New();
        var keys = new KeyRingKeys(key, [other]);
        var sealedEntry = new KeyRingXmlEncryptor(keys).Encrypt(Secret).EncryptedElement;
        var bytes = Convert.FromBase64String(sealedEntry.Value);
        bytes[^1] ^= 1;
        var changed = new XElement(sealedEntry) { Value = Convert.ToBase64String(bytes) };
        var moved = new XElement(sealedEntry);
        moved.SetAttributeValue("keyId", other.Id);

        FluentActions.Invoking(() => Decryptor(keys).Decrypt(changed)).Should().Throw<CryptographicException>();
        FluentActions.Invoking(() => Decryptor(keys).Decrypt(moved)).Should().Throw<CryptographicException>();
    }

    [Theory]
    [InlineData("not base64 at all")]
    [InlineData("c2hvcnQ=")]
    public void A_key_that_is_not_32_bytes_of_base64_is_refused_without_repeating_it(string text)
    {
        var act = () => KeyRingKey.Parse(text, "GovPulse:Secrets:KeyRingKey");

        act.Should().Throw<FormatException>().Where(e => e.Message.Contains("GovPulse:Secrets:KeyRingKey", StringComparison.Ordinal) && !e.Message.Contains(text, StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_key_has_the_same_id_on_every_node_and_the_id_is_not_the_key()
    {
        var key = KeyRingKey.New();
        var again = KeyRingKey.Parse("  " + key.ToBase64() + "\n", "a file");

        again.Id.Should().Be(key.Id).And.MatchRegex("^[0-9a-f]{8}$");
        key.ToBase64().Should().NotContain(key.Id);
        key.ToString().Should().NotContain(key.ToBase64());
    }

    private static KeyRingXmlDecryptor Decryptor(KeyRingKeys keys) =>
        new(new ServiceCollection().AddSingleton(keys).BuildServiceProvider());
}

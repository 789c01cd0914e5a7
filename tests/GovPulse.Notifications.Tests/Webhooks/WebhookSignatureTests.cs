using GovPulse.Notifications.Webhooks;

namespace GovPulse.Notifications.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    [Fact]
    public void The_signature_is_v1_and_the_hex_HMAC_SHA_256_of_timestamp_dot_body_keyed_with_the_secret_text()
    {
        // The same as: printf '%s' '1765000000.{"id":"n1"}' | openssl dgst -sha256 -hmac "$SECRET" -hex
        WebhookSignature.Sign(Secret, 1_765_000_000, "{\"id\":\"n1\"}")
            .Should().Be("v1=66004d8d963f6abbe31c2404b8d7e65a1b22ea56010d27350fed89c4b73db9b6");
    }

    [Fact]
    public void Another_timestamp_body_or_secret_gives_another_signature()
    {
        var signed = WebhookSignature.Sign(Secret, 1_765_000_000, "{\"id\":\"n1\"}");

        WebhookSignature.Sign(Secret, 1_765_000_001, "{\"id\":\"n1\"}").Should().NotBe(signed);
        WebhookSignature.Sign(Secret, 1_765_000_000, "{\"id\":\"n2\"}").Should().NotBe(signed);
        WebhookSignature.Sign(Secret[..^1] + "0", 1_765_000_000, "{\"id\":\"n1\"}").Should().NotBe(signed);
    }

    [Fact]
    public void A_new_secret_is_32_random_bytes_in_hex_after_whsec()
    {
        var one = WebhookSecrets.New();
        var two = WebhookSecrets.New();

        one.Should().MatchRegex("^whsec_[0-9a-f]{64}$");
        two.Should().NotBe(one);
    }
}

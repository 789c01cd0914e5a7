using System.Security.Cryptography;
using GovPulse.Security.Audit;

namespace GovPulse.Security.Tests.Audit;

public sealed class AuditedResponseStreamTests
{
    [Fact]
    public async Task A_small_answer_reaches_the_client_only_when_released()
    {
        using var client = new MemoryStream();
        await using var body = new AuditedResponseStream(client);
        var answer = "{\"id\":\"k_1a2b3c4d\",\"name\":\"Phường Tân Định\"}"u8.ToArray();

        await body.WriteAsync(answer);
        await body.FlushAsync();
        var beforeRelease = client.Length;
        await body.ReleaseAsync(CancellationToken.None);

        beforeRelease.Should().Be(0, "a flush before anything was passed on must not start the answer");
        client.ToArray().Should().Equal(answer);
        body.Written.Should().Be(answer.Length);
        body.Sha256Hex().Should().Be(Convert.ToHexStringLower(SHA256.HashData(answer)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4_096)]
    [InlineData(AuditedResponseStream.HoldBack)]
    [InlineData(AuditedResponseStream.HoldBack + 1)]
    [InlineData(100_000)]
    public async Task A_large_answer_streams_all_but_its_last_bytes_until_released_whatever_the_write_size(int writeSize)
    {
        using var client = new MemoryStream();
        await using var body = new AuditedResponseStream(client);
        var answer = new byte[300_000];
        new Random(15).NextBytes(answer);

        for (var offset = 0; offset < answer.Length; offset += writeSize)
        {
            await body.WriteAsync(answer.AsMemory(offset, Math.Min(writeSize, answer.Length - offset)));
        }

        var sentBeforeRelease = client.Length;
        await body.ReleaseAsync(CancellationToken.None);

        sentBeforeRelease.Should().BeInRange(answer.Length - AuditedResponseStream.HoldBack, answer.Length - 1, "the tail waits for the audit entry");
        client.ToArray().Should().Equal(answer);
        body.Written.Should().Be(answer.Length);
        body.Sent.Should().Be(answer.Length);
        body.Sha256Hex().Should().Be(Convert.ToHexStringLower(SHA256.HashData(answer)));
    }

    [Fact]
    public void Synchronous_writes_are_held_and_hashed_the_same_way()
    {
        using var client = new MemoryStream();
        using var body = new AuditedResponseStream(client);
        var answer = new byte[AuditedResponseStream.HoldBack * 3];
        new Random(7).NextBytes(answer);

        body.Write(answer, 0, 10);
        body.Write(answer, 10, answer.Length - 10);
        body.Flush();

        client.Length.Should().Be(answer.Length - AuditedResponseStream.HoldBack);
        body.Sha256Hex().Should().Be(Convert.ToHexStringLower(SHA256.HashData(answer)));
    }

    [Fact]
    public void An_empty_answer_has_the_hash_of_nothing()
    {
        using var body = new AuditedResponseStream(Stream.Null);

        body.Written.Should().Be(0);
        body.Sha256Hex().Should().Be("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}

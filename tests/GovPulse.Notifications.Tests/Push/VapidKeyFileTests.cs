using GovPulse.Notifications.Push;
using GovPulse.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using System.Runtime.Versioning;

namespace GovPulse.Notifications.Tests.Push;

/// <summary>The VAPID key pair the node keeps in its data directory: private, sealed, made once, reloaded after a rotation.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class VapidKeyFileTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "govpulse-vapid-" + Guid.NewGuid().ToString("N"));
    private readonly EphemeralDataProtectionProvider _keyRing = new EphemeralDataProtectionProvider();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 6, 2, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void The_pair_is_made_once_in_a_0600_file_that_holds_the_private_key_only_sealed()
    {
        var keys = Keys();

        var pair = keys.Current;

        var path = Path.Combine(_directory, VapidKeyFile.FileName);
        File.GetUnixFileMode(path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var text = File.ReadAllText(path);
        text.Should().Contain(pair.PublicKey).And.NotContain(pair.PrivateKey);
        Keys().Current.Should().Be(pair, "a second node (or start) sharing the directory uses the same pair");
        new VapidKeyFile(path, new EphemeralDataProtectionProvider().CreateProtector(VapidKeyFile.Purpose)).Invoking(f => f.Read())
            .Should().Throw<InvalidDataException>("the file without the key ring opens nothing").WithMessage("*key ring*");
        VapidKeyPair.TryParse(pair.PublicKey, pair.PrivateKey, pair.CreatedAt, out _, out var error).Should().BeTrue(error);
    }

    [Fact]
    public async Task Nodes_making_the_pair_at_the_same_moment_all_end_with_the_one_that_was_written_first()
    {
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, VapidKeyFile.FileName);
        using var start = new ManualResetEventSlim();

        var made = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            start.Wait();
            return new VapidKeyFile(path, _keyRing.CreateProtector(VapidKeyFile.Purpose)).LoadOrCreate(_time.GetUtcNow());
        })).Append(Task.Run(() =>
        {
            start.Set();
            return new VapidKeyFile(path, _keyRing.CreateProtector(VapidKeyFile.Purpose)).LoadOrCreate(_time.GetUtcNow());
        })));

        made.Select(p => p.PublicKey).Distinct().Should().ContainSingle();
        Directory.GetFiles(_directory).Should().ContainSingle("no temporary file is left behind");
    }

    [Fact]
    public void A_rotation_through_one_node_reaches_another_sharing_the_directory()
    {
        var one = Keys();
        var other = Keys();
        var before = other.Current;

        var rotated = one.Rotate();

        rotated.PublicKey.Should().NotBe(before.PublicKey);
        other.Current.Should().Be(rotated);
        File.GetUnixFileMode(Path.Combine(_directory, VapidKeyFile.FileName)).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public void Configured_keys_are_used_as_given_and_cannot_be_rotated_and_a_mismatched_pair_is_refused()
    {
        var pair = VapidKeyPair.New(_time.GetUtcNow());
        var another = VapidKeyPair.New(_time.GetUtcNow());
        var configured = Keys(new PushOptions { VapidPublicKey = pair.PublicKey, VapidPrivateKey = pair.PrivateKey });
        var mismatched = Keys(new PushOptions { VapidPublicKey = pair.PublicKey, VapidPrivateKey = another.PrivateKey });

        configured.Current.PublicKey.Should().Be(pair.PublicKey);
        configured.Invoking(k => k.Rotate()).Should().Throw<InvalidOperationException>().WithMessage("*configuration*");
        mismatched.Invoking(k => k.Current).Should().Throw<InvalidOperationException>().WithMessage("*are not one*pair*").Which.Message.Should().NotContain(another.PrivateKey);
        Directory.Exists(_directory).Should().BeFalse("configured keys need no file");
    }

    private VapidKeys Keys(PushOptions? options = null) => new(
        Options.Create(options ?? new PushOptions()),
        Options.Create(new StorageOptions { DataDirectory = _directory }),
        _keyRing,
        _time,
        NullLogger<VapidKeys>.Instance);
}

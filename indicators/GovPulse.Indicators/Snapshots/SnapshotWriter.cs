using System.Text;

namespace GovPulse.Indicators.Snapshots;

/// <summary>
/// Writes the facts of a ledger in the snapshot's binary form: times as UTC ticks plus their
/// offset in minutes (the original offset is kept, so a restored fact equals the applied one),
/// absent values as a marker, repeated strings (procedure codes) once and then by number.
/// </summary>
internal sealed class SnapshotWriter(Stream output) : IDisposable
{
    private readonly BinaryWriter _writer = new(output, Encoding.UTF8, leaveOpen: true);
    private readonly Dictionary<string, int> _shared = new(StringComparer.Ordinal);

    public void Byte(byte value) => _writer.Write(value);

    public void Bool(bool value) => _writer.Write(value);

    public void Int(int value) => _writer.Write7BitEncodedInt(value);

    public void Long(long value) => _writer.Write7BitEncodedInt64(value);

    /// <summary>Bytes as they are, with no length (a section another writer wrote).</summary>
    public void Bytes(ReadOnlySpan<byte> value) => _writer.Write(value);

    /// <summary>Eight bytes as they are (a time in ticks, a hash).</summary>
    public void Fixed(ulong value) => _writer.Write(value);

    public void Decimal(decimal value) => _writer.Write(value);

    public void String(string value) => _writer.Write(value);

    public void OptionalString(string? value)
    {
        _writer.Write(value is not null);
        if (value is not null)
        {
            _writer.Write(value);
        }
    }

    /// <summary>A string many records repeat: written in full the first time, then as its number.</summary>
    public void SharedString(string value)
    {
        if (_shared.TryGetValue(value, out var number))
        {
            _writer.Write7BitEncodedInt(number + 1);
            return;
        }

        _shared.Add(value, _shared.Count);
        _writer.Write7BitEncodedInt(0);
        _writer.Write(value);
    }

    public void Time(DateTimeOffset value)
    {
        _writer.Write(value.UtcTicks);
        _writer.Write((short)value.Offset.TotalMinutes);
    }

    public void OptionalTime(DateTimeOffset? value)
    {
        _writer.Write(value.HasValue);
        if (value is { } time)
        {
            Time(time);
        }
    }

    public void Dispose() => _writer.Dispose();
}

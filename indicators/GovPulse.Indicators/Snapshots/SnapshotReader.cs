using System.Text;

namespace GovPulse.Indicators.Snapshots;

/// <summary>Reads what <see cref="SnapshotWriter"/> wrote, in the same order.</summary>
internal sealed class SnapshotReader(Stream input) : IDisposable
{
    private readonly BinaryReader _reader = new(input, Encoding.UTF8, leaveOpen: true);
    private readonly List<string> _shared = [];

    public byte Byte() => _reader.ReadByte();

    public bool Bool() => _reader.ReadBoolean();

    public int Int() => _reader.Read7BitEncodedInt();

    public long Long() => _reader.Read7BitEncodedInt64();

    public ulong Fixed() => _reader.ReadUInt64();

    public decimal Decimal() => _reader.ReadDecimal();

    public string String() => _reader.ReadString();

    public string? OptionalString() => _reader.ReadBoolean() ? _reader.ReadString() : null;

    public string SharedString()
    {
        var number = _reader.Read7BitEncodedInt();
        if (number > 0)
        {
            return number <= _shared.Count
                ? _shared[number - 1]
                : throw new SnapshotFormatException($"shared string {number} is referenced before it is defined");
        }

        var value = _reader.ReadString();
        _shared.Add(value);
        return value;
    }

    public DateTimeOffset Time()
    {
        var ticks = _reader.ReadInt64();
        var offset = TimeSpan.FromMinutes(_reader.ReadInt16());
        return new DateTimeOffset(ticks + offset.Ticks, offset);
    }

    public DateTimeOffset? OptionalTime() => _reader.ReadBoolean() ? Time() : null;

    public void Dispose() => _reader.Dispose();
}

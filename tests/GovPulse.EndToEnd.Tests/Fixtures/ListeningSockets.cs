using System.Globalization;
using System.Net;

namespace GovPulse.EndToEnd.Tests.Fixtures;

/// <summary>
/// The TCP sockets a process listens on, read from the kernel: its socket inodes (links in
/// <c>/proc/PID/fd</c>) matched against the LISTEN rows of <c>/proc/PID/net/tcp</c> and <c>tcp6</c>.
/// No external tool, and nothing another process could be mistaken for.
/// </summary>
public static class ListeningSockets
{
    private const string Listen = "0A";

    public static IReadOnlyList<IPEndPoint> Of(int processId)
    {
        var inodes = SocketInodes(processId);
        return [.. Rows(processId, "tcp").Concat(Rows(processId, "tcp6"))
            .Where(row => row.State == Listen && inodes.Contains(row.Inode))
            .Select(row => row.Local)];
    }

    private static HashSet<string> SocketInodes(int processId)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{processId}/fd"))
        {
            string? target;
            try
            {
                target = new FileInfo(fd).LinkTarget;
            }
            catch (IOException)
            {
                continue; // closed while we looked
            }

            // "socket:[123456]"
            if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal))
            {
                inodes.Add(target["socket:[".Length..^1]);
            }
        }

        return inodes;
    }

    private static IEnumerable<(IPEndPoint Local, string State, string Inode)> Rows(int processId, string table)
    {
        var path = $"/proc/{processId}/net/{table}";
        if (!File.Exists(path))
        {
            yield break; // no IPv6 on this machine
        }

        // "sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ..."
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            yield return (Endpoint(fields[1]), fields[3], fields[9]);
        }
    }

    /// <summary>"0100007F:2B67": the address as the kernel stores it (32-bit words in host order, little-endian here), the port in hex.</summary>
    private static IPEndPoint Endpoint(string field)
    {
        var (address, port) = (field[..field.IndexOf(':', StringComparison.Ordinal)], field[(field.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        var bytes = Convert.FromHexString(address);
        for (var word = 0; word < bytes.Length; word += 4)
        {
            Array.Reverse(bytes, word, 4);
        }

        return new IPEndPoint(new IPAddress(bytes), int.Parse(port, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }
}

namespace GovPulse.Storage.ChDb;

/// <summary>Who may use the embedded engine's HTTP endpoint, and how much a request may take.</summary>
public sealed record ClickHouseHttpEndpointOptions
{
    /// <summary>The user name that goes with <see cref="SharedPassword"/> (ClickHouse's default user).</summary>
    public const string SharedUser = "default";

    /// <summary>
    /// The password other clients (another node, a tool) give as user <see cref="SharedUser"/>, when
    /// the operator shares the engine on purpose; null (the default) lets only the node's own client in.
    /// </summary>
    public string? SharedPassword { get; init; }

    /// <summary>The largest request body, as sent and decompressed (the node's own largest insert is far below).</summary>
    public long MaxRequestBodyBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>The slowest a request body may arrive once <see cref="MinRequestBodyGracePeriod"/> has passed; slower ones are cut off.</summary>
    public double MinRequestBodyBytesPerSecond { get; init; } = 16 * 1024;

    /// <summary>How long a body may arrive slower than <see cref="MinRequestBodyBytesPerSecond"/> (more than a second).</summary>
    public TimeSpan MinRequestBodyGracePeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The clock for <c>max_execution_time</c>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}

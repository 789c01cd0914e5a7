namespace GovPulse.Ingest.Pipeline;

/// <summary>This node cannot take the batch now; <see cref="Refusal"/> says why (the API answers 503 with <c>Retry-After</c>).</summary>
public sealed class IngestOverloadedException : Exception
{
    public IngestOverloadedException()
        : this(new IngestRefusal(string.Empty, string.Empty, TimeSpan.FromSeconds(1), "This node is overloaded."))
    {
    }

    public IngestOverloadedException(string message)
        : this(new IngestRefusal(string.Empty, string.Empty, TimeSpan.FromSeconds(1), message))
    {
    }

    public IngestOverloadedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Refusal = new IngestRefusal(string.Empty, string.Empty, TimeSpan.FromSeconds(1), message);
    }

    public IngestOverloadedException(IngestRefusal refusal)
        : base(refusal?.Detail)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        Refusal = refusal;
    }

    public IngestRefusal Refusal { get; }
}

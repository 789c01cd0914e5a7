namespace GovPulse.Ingest.Wire;

/// <summary>What a string field of an event may hold, besides being valid Unicode.</summary>
internal enum TextRule
{
    /// <summary>
    /// Ids and codes (<c>eventId</c>, <c>dossierId</c>, <c>petitionId</c>, <c>unitCode</c>,
    /// <c>procedureCode</c>): visible text only. No control characters (C0, DEL, C1), no format
    /// characters (bidirectional overrides, isolates and marks such as U+200E/U+200F, zero-width
    /// characters, the byte order mark), no line or paragraph separators: an id that prints
    /// differently from what it is, or that breaks a log line, is a sender's bug or an attack.
    /// </summary>
    Identifier,

    /// <summary>
    /// Free text (a refusal's <c>reason</c>): any valid Unicode, tabs and line breaks included,
    /// but no other control character.
    /// </summary>
    FreeText,
}

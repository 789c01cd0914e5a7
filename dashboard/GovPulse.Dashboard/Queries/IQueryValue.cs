namespace GovPulse.Dashboard.Queries;

/// <summary>
/// A query parameter bound by its own type (<c>BindAsync</c>), which never fails binding: it holds
/// either its value or the reason the request's text is not one. <see cref="QueryChecks"/> answers
/// 400 with that reason before the handler runs, so handlers hold no string switches.
/// </summary>
public interface IQueryValue
{
    /// <summary>Why the request's text is not a value, naming what was expected; null when it is one.</summary>
    string? Problem { get; }
}

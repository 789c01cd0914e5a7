using System.Globalization;
using System.Text.Json;
using GovPulse.Dashboard.Queries;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;

namespace GovPulse.Exports.Files;

/// <summary>
/// The SHA-256 of an export's figures, whatever the file's format or language: a canonical JSON
/// (codes, never names or words; decimals without trailing zeros; properties in a fixed order) of the
/// scorecards the file shows, with the level or unit, period, asOf and rule set. Two files with the
/// same figures hash show the same numbers, so a PDF can print it where it cannot print its own hash.
/// </summary>
public static class FiguresDigest
{
    public static string OfRanking(UnitKind level, Period period, DateTimeOffset asOf, string ruleSet, IReadOnlyList<RankedUnit<Scorecard>> units)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(units);
        return Hash(json =>
        {
            json.WriteString("kind", "ranking");
            json.WriteString("level", level == UnitKind.Department ? "department" : "commune");
            Common(json, period, asOf, ruleSet);
            json.WriteStartArray("units");
            foreach (var ranked in units)
            {
                json.WriteStartObject();
                if (ranked.Rank is { } rank)
                {
                    json.WriteNumber("rank", rank);
                }
                else
                {
                    json.WriteNull("rank");
                }

                Card(json, ranked.Unit);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        });
    }

    public static string OfScorecard(string unitCode, Period period, DateTimeOffset asOf, string ruleSet, Scorecard scorecard, IReadOnlyList<Scorecard> trend)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(scorecard);
        ArgumentNullException.ThrowIfNull(trend);
        return Hash(json =>
        {
            json.WriteString("kind", "scorecard");
            json.WriteString("unitCode", unitCode);
            Common(json, period, asOf, ruleSet);
            json.WriteStartObject("scorecard");
            Card(json, scorecard);
            json.WriteEndObject();
            json.WriteStartArray("trend");
            foreach (var month in trend)
            {
                json.WriteStartObject();
                Card(json, month);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        });
    }

    private static void Common(Utf8JsonWriter json, Period period, DateTimeOffset asOf, string ruleSet)
    {
        json.WriteString("period", period.Label);
        json.WriteString("asOf", AsOfParameter.Format(asOf));
        json.WriteString("ruleSet", ruleSet);
    }

    private static void Card(Utf8JsonWriter json, Scorecard card)
    {
        json.WriteString("unitCode", card.UnitCode);
        json.WriteString("period", card.Period);
        json.WriteNumber("version", card.Version);
        json.WriteString("evaluatedAt", AsOfParameter.Format(card.EvaluatedAt));
        Number(json, "total", card.Total);
        if (card.Band is { } band)
        {
            json.WriteString("band", Band.FromVietnamese(band)?.English ?? band);
        }
        else
        {
            json.WriteNull("band");
        }

        var c = card.Counts;
        json.WriteStartObject("counts");
        json.WriteNumber("received", c.Received);
        json.WriteNumber("finished", c.Finished);
        json.WriteNumber("finishedOnTime", c.FinishedOnTime);
        json.WriteNumber("finishedLate", c.FinishedLate);
        json.WriteNumber("inProgressOnTime", c.InProgressOnTime);
        json.WriteNumber("inProgressOverdue", c.InProgressOverdue);
        json.WriteNumber("apologies", c.Apologies);
        json.WriteEndObject();
        json.WriteStartArray("groups");
        foreach (var group in card.Groups)
        {
            json.WriteStartObject();
            json.WriteString("code", group.Code.ToString());
            Number(json, "score", group.Score);
            Number(json, "max", group.Max);
            json.WriteStartArray("indicators");
            foreach (var indicator in group.Indicators)
            {
                json.WriteStartObject();
                json.WriteString("code", indicator.Code.ToString());
                Number(json, "numerator", indicator.Numerator);
                Number(json, "denominator", indicator.Denominator);
                Number(json, "ratio", indicator.Ratio);
                Number(json, "points", indicator.Points);
                Number(json, "max", indicator.Max);
                json.WriteBoolean("noData", indicator.NoData);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>A decimal without trailing zeros (61.890 and 61.89 are one figure), or null.</summary>
    private static void Number(Utf8JsonWriter json, string name, decimal? value)
    {
        json.WritePropertyName(name);
        if (value is { } v)
        {
            json.WriteRawValue(v.ToString("0.############################", CultureInfo.InvariantCulture), skipInputValidation: true);
        }
        else
        {
            json.WriteNullValue();
        }
    }

    private static string Hash(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        return ExportManifest.Hex(buffer.ToArray());
    }
}

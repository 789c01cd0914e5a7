using GovPulse.Security.Users;

namespace GovPulse.Security.Tests.Users;

/// <summary>Display names and key names are what people read in lists and logs: visible text only.</summary>
public sealed class VisibleTextTests
{
    [Theory]
    [InlineData("Nguyễn Văn An")]
    [InlineData("Phường Tân Định one-stop shop")]
    [InlineData("Sở Tư pháp — bộ phận một cửa (2026)")]
    [InlineData("😀 An")]
    public void Ordinary_names_are_visible_text(string name) =>
        VisibleText.ProblemWith("displayName", name).Should().BeNull();

    [Theory]
    [InlineData("An\nsigned in as quantri", "U+000A", 3)]
    [InlineData("An\u0007", "U+0007", 3)]
    [InlineData("\u001b[31mAn", "U+001B", 1)]
    [InlineData("An\u202Enimda", "U+202E", 3)]
    [InlineData("A\u200Bn", "U+200B", 2)]
    [InlineData("An\u2028B", "U+2028", 3)]
    [InlineData("👩\u200D💼 An", "U+200D", 2)] // an emoji joined by a zero-width joiner, which is a format character
    public void Control_format_and_separator_characters_are_refused_with_where_they_are(string name, string codePoint, int position)
    {
        VisibleText.ProblemWith("name", name).Should()
            .Be($"name contains an invisible or control character ({codePoint}) at position {position}; use visible text");
    }

    [Fact]
    public void A_lone_surrogate_is_not_valid_unicode() =>
        VisibleText.ProblemWith("name", "An\ud800").Should().Be("name is not valid Unicode (it has a lone surrogate)");
}

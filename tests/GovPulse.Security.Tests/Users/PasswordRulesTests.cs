using GovPulse.Security.Users;

namespace GovPulse.Security.Tests.Users;

/// <summary>A new password: long enough, not common (with or without decoration), not the person's own names.</summary>
public sealed class PasswordRulesTests
{
    [Theory]
    [InlineData("password1234")]
    [InlineData("PASSWORD1234")]
    [InlineData("Password1234!")]
    [InlineData("P@ssw0rd2026!")]
    [InlineData("qwertyuiop123")]
    [InlineData("123456789012")]
    [InlineData("098765432109")]
    [InlineData("121212121212")]
    [InlineData("a12345678901")]
    [InlineData("iloveyou2026")]
    [InlineData("Matkhau@2026")]
    [InlineData("Mật khẩu 2026!")]
    [InlineData("anhyeuem1234")]
    [InlineData("govpulse2026")]
    [InlineData("hochiminh123")]
    [InlineData("passwordpassword")]
    [InlineData("abc123abc123")]
    [InlineData("!!dragon2026!!")]
    public void A_common_password_or_one_with_digits_and_symbols_around_it_is_refused(string password)
    {
        var problem = Passwords.ProblemWith(password, "nguyen.van.an", "Nguyễn Văn An");

        problem.Should().StartWith("password is too common").And.Contain("10,000 most used passwords");
    }

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("e2e pass 3f1c9a0b7d2e4c61")]
    [InlineData("Cây đa giếng nước sân đình")]
    [InlineData("tram-nam-trong-coi-nguoi-ta")]
    [InlineData("xK7mQ2pL9vR4wT8n")]
    public void A_long_uncommon_password_is_accepted(string password) =>
        Passwords.ProblemWith(password, "nguyen.van.an", "Nguyễn Văn An").Should().BeNull();

    [Fact]
    public void A_random_demo_password_is_accepted() =>
        Enumerable.Range(0, 50).Select(_ => Passwords.Random()).Should().AllSatisfy(p => Passwords.ProblemWith(p, "quantri").Should().BeNull());

    [Theory]
    [InlineData("NguyenVanAn2026!", "password contains the username")]
    [InlineData("nguyen.van.an is me", "password contains the username")]
    [InlineData("Tôi là Nguyễn Văn An", "password contains the username")]
    public void The_username_inside_the_password_is_refused_with_or_without_accents_and_dots(string password, string expected) =>
        Passwords.ProblemWith(password, "nguyen.van.an", "Nguyễn Văn An").Should().StartWith(expected);

    [Fact]
    public void The_display_name_inside_the_password_is_refused() =>
        Passwords.ProblemWith("Chị Trần Thị Bình xinh đẹp", "ttbinh", "Trần Thị Bình").Should().StartWith("password contains the person's display name");

    [Fact]
    public void The_list_holds_the_ten_thousand_most_common_passwords_and_the_added_Vietnamese_words()
    {
        CommonPasswords.Count.Should().BeGreaterThan(10_000);
        CommonPasswords.IsCommon("matkhau").Should().BeTrue();
        CommonPasswords.IsCommon("123456").Should().BeTrue();
    }

    [Fact]
    public void Fold_drops_case_and_Vietnamese_accents() =>
        CommonPasswords.Fold("Mật Khẩu Đường").Should().Be("mat khau duong");
}

using System.Net;

namespace GovPulse.EndToEnd.Tests.Fixtures;

/// <summary>Wrong passwords sent as a patient guesser would: a 429 (the progressive delay) is waited out as its Retry-After says, then the attempt is made again.</summary>
public static class WrongPasswords
{
    /// <summary>Sends <paramref name="count"/> counted wrong passwords; returns the answer to each (429s waited out are not among them).</summary>
    public static async Task<List<HttpResponseMessage>> SendAsync(PersonSession browser, string username, int count)
    {
        var answers = new List<HttpResponseMessage>();
        var deadline = DateTimeOffset.UtcNow.AddMinutes(1);
        for (var attempt = 1; attempt <= count; attempt++)
        {
            HttpResponseMessage answer;
            while ((answer = await browser.SignInAsync(username, $"wrong password {attempt}!")).StatusCode == HttpStatusCode.TooManyRequests)
            {
                // The node says how long to wait: an external process's own deadline, bounded here.
                DateTimeOffset.UtcNow.Should().BeBefore(deadline, "the waits are a few seconds at most");
                await Task.Delay(answer.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                answer.Dispose();
            }

            answers.Add(answer);
        }

        return answers;
    }
}

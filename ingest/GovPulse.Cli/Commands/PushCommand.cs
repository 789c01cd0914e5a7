using System.CommandLine;
using System.Text.Json;
using GovPulse.Cli.Node;
using Spectre.Console;

namespace GovPulse.Cli.Commands;

/// <summary><c>govpulse push keys [--rotate]</c>: the node's Web Push (VAPID) public key, through its admin API (admin key needed).</summary>
public static class PushCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(CliConsoles consoles)
    {
        var command = new Command("push", "The node's Web Push settings (needs the admin key)");
        command.Add(Keys(consoles));
        return command;
    }

    private static Command Keys(CliConsoles consoles)
    {
        var node = new NodeOptions();
        var rotate = new Option<bool>("--rotate") { Description = "Make a new key pair: every browser subscribed under the old key must subscribe again" };
        var yes = new Option<bool>("--yes") { Description = "Rotate without asking (scripts)" };
        var json = new Option<bool>("--json") { Description = "Print the node's JSON answer" };
        var command = new Command("keys", "Print the VAPID public key browsers subscribe with, or rotate the pair") { rotate, yes, json };
        command.Validators.Add(r =>
        {
            if (r.GetValue(yes) && !r.GetValue(rotate))
            {
                r.AddError("--yes only confirms --rotate");
            }
        });
        node.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = node.Client(parse, consoles);
            await client.CheckReachableAsync(cancellationToken);
            PushKeysRow keys;
            if (parse.GetValue(rotate))
            {
                Confirm(consoles, parse.GetValue(yes), client.BaseAddress);
                keys = await client.RotatePushKeysAsync(cancellationToken);
                consoles.Warn("the VAPID keys were rotated: push subscriptions made under the old key no longer receive anything until their browsers subscribe again (the dashboard does it when a person opens it)");
            }
            else
            {
                keys = await client.GetPushKeysAsync(cancellationToken);
            }

            if (parse.GetValue(json))
            {
                consoles.RawOut.WriteLine(JsonSerializer.Serialize(keys, Json));
                return ExitCodes.Ok;
            }

            consoles.RawOut.WriteLine(keys.PublicKey);
            consoles.Note($"VAPID public key ({keys.Source ?? "unknown source"}; made {(keys.CreatedAt is { } at ? TimeArguments.Iso(at) : "-")})");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Confirm(CliConsoles consoles, bool yes, Uri node)
    {
        if (yes)
        {
            return;
        }

        if (!consoles.Interactive)
        {
            throw new CliException("--rotate replaces the node's VAPID key pair and every browser must subscribe again: add --yes to confirm (there is no terminal to ask)");
        }

        if (!consoles.Err.Confirm($"Rotate the VAPID keys of {Markup.Escape(node.ToString())}? Every browser subscribed now must subscribe again.", defaultValue: false))
        {
            throw new CliException("not rotated");
        }
    }
}

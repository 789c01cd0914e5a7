using System.CommandLine;
using System.Text.Json;
using GovPulse.Cli.Node;
using Spectre.Console;

namespace GovPulse.Cli.Commands;

/// <summary>
/// <c>govpulse users add|list|disable|enable</c>: the people who sign in to the dashboard, through the
/// node's admin API (admin key needed). Passwords are read from the terminal without echo, or from
/// <c>GOVPULSE_NEW_PASSWORD</c> for scripts, never from the command line (it would stay in the shell history).
/// </summary>
public static class UsersCommand
{
    public const string PasswordVariable = "GOVPULSE_NEW_PASSWORD";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private static readonly string[] Roles = ["leader", "departmentHead", "auditor", "admin"];

    public static Command Create(CliConsoles consoles)
    {
        var command = new Command("users", "Add, list, disable and enable the people who sign in (needs the admin key)");
        command.Add(AddUser(consoles));
        command.Add(ListUsers(consoles));
        command.Add(Change(consoles, "disable", "Disable a user: their sessions end and they cannot sign in", "disabled: their sessions end now and they cannot sign in"));
        command.Add(Change(consoles, "enable", "Enable a disabled user again (also ends a sign-in lock)", "enabled: they can sign in again"));
        return command;
    }

    private static Command AddUser(CliConsoles consoles)
    {
        var node = new NodeOptions();
        var username = new Argument<string>("USERNAME") { Description = "3 to 64 characters a-z 0-9 . _ -, e.g. nguyen.van.an" };
        var name = new Option<string>("--name") { Description = "The name the page shows, e.g. \"Nguyễn Văn An\"", Required = true };
        var role = new Option<string>("--role") { Description = "leader | departmentHead | auditor | admin", Required = true };
        role.AcceptOnlyFromAmong(Roles);
        var unit = new Option<string?>("--unit") { Description = "The unit a departmentHead heads (a department or commune code)", HelpName = "CODE" };
        var command = new Command("add", $"Add a person; the password is asked for (or read from {PasswordVariable})") { username, name, role, unit };
        command.Validators.Add(r =>
        {
            var isHead = r.GetValue(role) == "departmentHead";
            var hasUnit = !string.IsNullOrWhiteSpace(r.GetValue(unit));
            if (isHead != hasUnit)
            {
                r.AddError(isHead ? "a departmentHead reads one unit: give --unit CODE" : "--unit is only for --role departmentHead (the others read every unit)");
            }
        });
        node.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var password = Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } fromEnvironment
                ? fromEnvironment
                : AskPassword(consoles);
            using var client = node.Client(parse, consoles);
            await client.CheckReachableAsync(cancellationToken);
            var added = await client.AddUserAsync(
                new UserRequest(parse.GetValue(username)!, parse.GetValue(name)!.Trim(), parse.GetValue(role)!, parse.GetValue(unit), password),
                cancellationToken);
            var table = UserTable();
            AddRow(table, added);
            consoles.Out.Write(table);
            consoles.Out.MarkupLineInterpolated($"User [bold]{added.Username}[/] added: they can sign in at {client.BaseAddress}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command ListUsers(CliConsoles consoles)
    {
        var node = new NodeOptions();
        var json = new Option<bool>("--json") { Description = "Print the node's JSON answer" };
        var command = new Command("list", "List the users (never their passwords)") { json };
        node.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = node.Client(parse, consoles);
            await client.CheckReachableAsync(cancellationToken);
            var users = await client.ListUsersAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                consoles.RawOut.WriteLine(JsonSerializer.Serialize(users, Json));
                return ExitCodes.Ok;
            }

            var table = UserTable();
            foreach (var user in users)
            {
                AddRow(table, user);
            }

            consoles.Out.Write(table);
            consoles.Note($"{users.Count} user{(users.Count == 1 ? string.Empty : "s")}, {users.Count(u => !u.Disabled)} enabled");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Change(CliConsoles consoles, string action, string description, string done)
    {
        var node = new NodeOptions();
        var username = new Argument<string>("USERNAME") { Description = "The username, as `govpulse users list` shows it" };
        var command = new Command(action, description) { username };
        node.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = node.Client(parse, consoles);
            await client.CheckReachableAsync(cancellationToken);
            var who = parse.GetValue(username)!;
            await client.ChangeUserAsync(who, action, cancellationToken);
            consoles.Out.MarkupLineInterpolated($"User [bold]{who}[/] {done}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string AskPassword(CliConsoles consoles)
    {
        if (Console.IsInputRedirected)
        {
            throw new CliException($"no terminal to ask for the password: set {PasswordVariable} for scripts (12 characters or more)");
        }

        var password = consoles.Out.Prompt(new TextPrompt<string>("Password (12+ characters):").Secret());
        var again = consoles.Out.Prompt(new TextPrompt<string>("Again:").Secret());
        return password == again ? password : throw new CliException("the two passwords differ; run the command again");
    }

    private static Table UserTable() =>
        new Table().Border(TableBorder.Rounded).AddColumn("Username").AddColumn("Name").AddColumn("Role").AddColumn("Unit").AddColumn("State");

    private static void AddRow(Table table, UserRow user) => table.AddRow(
        Markup.Escape(user.Username),
        Markup.Escape(user.DisplayName),
        Markup.Escape(user.Role),
        Markup.Escape(user.UnitCode ?? "-"),
        user.Disabled ? "[red]disabled[/]" : "enabled");
}

using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Infrastructure.Calendar;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Infrastructure;
using PhuThoCa.Web.Requests;
using PhuThoCa.Web.Requests.Filing;
using PhuThoCa.Web.Requests.Review;

namespace PhuThoCa.Web.Tests.Pages.Requests;

/// <summary>What an arranged request points to.</summary>
internal sealed record Arranged(int RequestId, int AgencyId, int SubscriberId, int? CertificateId, int? TokenId);

/// <summary>
/// Arranges requests straight through the domain and the database (fresh subscriber, certificate and token each time, so
/// tests running in parallel on the shared portal never touch the same rows), and drives the details page like a browser:
/// GET the page, read the antiforgery token and the RowVersion of the form, POST a handler.
/// </summary>
internal static partial class WorkflowArrange
{
    public const string Agency = "Sở Y tế tỉnh Phú Thọ";

    public static DateTime NowUtc(PortalFactory portal) => portal.Clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Deletes a request as a script would (not something the portal does): its history, lines and notifications first,
    /// then the row, each a plain DELETE, so the counters' delete triggers run.
    /// </summary>
    public static async Task DeleteByScriptAsync(AppDbContext db, int requestId, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"DELETE FROM RequestHistory WHERE RequestId = {requestId}", ct);
        await db.Database.ExecuteSqlAsync($"DELETE FROM RequestLine WHERE RequestId = {requestId}", ct);
        await db.Database.ExecuteSqlAsync($"DELETE FROM Notifications WHERE RequestId = {requestId}", ct);
        await db.Database.ExecuteSqlAsync($"DELETE FROM Requests WHERE Id = {requestId}", ct);
    }

    /// <summary>A new commune committee named <paramref name="name"/>, e-mail domain <paramref name="domain"/>.phutho.gov.vn; its id.</summary>
    public static async Task<int> NewCommuneAsync(PortalFactory portal, string name, string domain)
    {
        await using var db = portal.CreateDbContext();
        var agency = new Domain.Agencies.Agency(Domain.Agencies.AgencyKind.CommuneCommittee, name, "UBND",
            name.Replace("UBND xã", "Xã", StringComparison.Ordinal) + ", tỉnh Phú Thọ", $"{domain}.phutho.gov.vn");
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        return agency.Id;
    }

    public static async Task<IWorkingDayDeadlines> DeadlinesAsync(PortalFactory portal, AppDbContext db) =>
        new CalendarDeadlines(await portal.Services.GetRequiredService<CalendarProvider>().GetAsync(db),
            portal.Services.GetRequiredService<RequestDeadlineSettings>());

    public static async Task<Actor> ActorAsync(AppDbContext db, string userName, DateTime atUtc)
    {
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        return new Actor(user.Id, user.FullName, atUtc);
    }

    private static int _letterSequence = 100;

    /// <summary>The officer's confirmed submission; a letter to the Cục went through the document exchange that day.</summary>
    public static SubmitInput Sent(Actor actor) => new()
    {
        Confirm = true,
        SentVia = CaDispatchChannel.NationalDocumentAxis,
        SentOn = VietnamTime.DateText(actor.AtUtc),
    };

    /// <summary>
    /// A letter number of its own for every arranged request: an agency uses one number for one letter a year
    /// (<see cref="LetterNumbers"/>), and the arranged requests of one agency share a test database.
    /// </summary>
    public static string NextLetterNumber(string suffix) =>
        Interlocked.Increment(ref _letterSequence).ToString(CultureInfo.InvariantCulture) + "/" + suffix;

    /// <summary>
    /// A request of <paramref name="type"/> for one fresh subscriber of <paramref name="agencyName"/>, created and
    /// submitted by <paramref name="createdBy"/> at <paramref name="submittedAtUtc"/> (default: an hour before now).
    /// </summary>
    public static async Task<Arranged> SubmittedAsync(PortalFactory portal, RequestType type, string createdBy = "canbo.syte",
        string agencyName = Agency, DateTime? submittedAtUtc = null, int certificateDaysLeft = 200, string? email = null)
    {
        await using var db = portal.CreateDbContext();
        var at = submittedAtUtc ?? NowUtc(portal).AddHours(-1);
        var agency = await db.Agencies.SingleAsync(a => a.Name == agencyName);
        var actor = await ActorAsync(db, createdBy, at);
        var unique = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var subscriber = new Subscriber(agency.Id, new SubscriberDetails(SubscriberKind.Person, "Nguyễn Thị Kiểm " + unique, "Chuyên viên",
            "0251" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture), null, null, null,
            email ?? $"kiem{unique.ToLowerInvariant()}@{agency.EmailDomain}", "0912345678", null, null, agency.Address, null));
        db.Subscribers.Add(subscriber);
        await db.SaveChangesAsync();

        UsbToken? token = null;
        Certificate? certificate = null;
        if (type is RequestType.Revoke or RequestType.RecoverToken)
        {
            token = new UsbToken(agency.Id, "TKT" + unique, "Bit4id TokenME EVO v2");
            db.Tokens.Add(token);
            await db.SaveChangesAsync();
            token.HandOver(new Domain.Tokens.TokenHandoverDetails(VietnamTime.ToDate(at).AddDays(-300), "Văn thư", null, subscriber.Name, null,
                subscriber.Id, "Bàn giao cho thuê bao", null), actor);
            if (type == RequestType.RecoverToken)
            {
                token.ChangeStatus(TokenStatus.Locked, "Nhập sai mật khẩu quá số lần quy định", actor);
            }
        }

        if (type != RequestType.Issue)
        {
            var notAfter = VietnamTime.FromLocal(VietnamTime.ToDate(NowUtc(portal)).AddDays(certificateDaysLeft).ToDateTime(new TimeOnly(16, 0)));
            certificate = new Certificate(subscriber.Id, new CertificateDetails("5499" + unique, $"E={subscriber.Email}, CN={subscriber.Name}, O=UBND tỉnh Phú Thọ, C=VN",
                "CN=CA phục vụ các cơ quan Nhà nước G2, O=Ban Cơ yếu Chính phủ, C=VN", notAfter.AddYears(-3), notAfter, KeyStorageKind.PkiToken), token?.Id);
            db.Certificates.Add(certificate);
            await db.SaveChangesAsync();
        }

        var request = new Request(type, agency.Id, actor with { AtUtc = at.AddMinutes(-30) });
        request.UpdateLetter(new RequestLetter(NextLetterNumber("SYT-VP"), VietnamTime.ToDate(at), "Trần Văn Giám", "Giám đốc"));
        request.UpdateContact(new RequestContact("Phạm Thị Dung", "025098765432", new DateOnly(2022, 5, 10),
            "Cục Cảnh sát quản lý hành chính về trật tự xã hội", "Văn thư", "0987654321", null, agency.Address, null));
        switch (type)
        {
            case RequestType.Issue:
                request.AddIssueLine(subscriber);
                break;
            case RequestType.Revoke:
                request.AddRevokeLine(subscriber, certificate!, token, RevocationReason.Resigned, null, "Thôi việc từ 01/11/2026");
                break;
            case RequestType.Renew:
                request.AddRenewLine(subscriber, certificate!);
                break;
            case RequestType.ChangeInfo:
                request.AddChangeInfoLine(subscriber, certificate!, ChangeInfoCase.PersonChangedOfficialEmail, subscriber.Email,
                    $"moi{unique.ToLowerInvariant()}@{agency.EmailDomain}");
                break;
            case RequestType.RecoverToken:
                request.AddRecoverTokenLine(subscriber, token!, certificate);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, null);
        }

        db.Requests.Add(request);
        await db.SaveChangesAsync();
        await PerformAsync<SubmitRequest, SubmitInput>(portal, db, request, Sent(actor), actor);
        return new Arranged(request.Id, agency.Id, subscriber.Id, certificate?.Id, token?.Id);
    }

    /// <summary>Receives an arranged request through the domain, as <paramref name="staff"/> at <paramref name="atUtc"/>.</summary>
    public static async Task ReceiveAsync(PortalFactory portal, int requestId, DateTime atUtc, string staff = "chuyenvien.skhcn")
    {
        await using var db = portal.CreateDbContext();
        var request = await db.Requests.Include(r => r.Lines).Include(r => r.History).SingleAsync(r => r.Id == requestId);
        await PerformAsync<ReceiveRequest, ReceiveInput>(portal, db, request, new ReceiveInput(), await ActorAsync(db, staff, atUtc));
    }

    /// <summary>Sent an hour before <paramref name="receivedAtUtc"/> and received then, through the domain: Sở's step runs.</summary>
    public static async Task<Arranged> ReceivedAsync(PortalFactory portal, RequestType type, DateTime receivedAtUtc)
    {
        var arranged = await SubmittedAsync(portal, type, submittedAtUtc: receivedAtUtc.AddHours(-1));
        await ReceiveAsync(portal, arranged.RequestId, receivedAtUtc);
        return arranged;
    }

    /// <summary>
    /// As <see cref="ReceivedAsync(PortalFactory, RequestType, DateTime)"/>, then accepted an hour after the receipt and
    /// filed with the Cục an hour later: Sở's step resolved early, the Cục's step runs.
    /// </summary>
    public static async Task<Arranged> FiledWithTheCaAsync(PortalFactory portal, RequestType type, DateTime receivedAtUtc)
    {
        var arranged = await ReceivedAsync(portal, type, receivedAtUtc);
        await PerformAsync<AcceptRequest, NoteInput>(portal, arranged.RequestId, new NoteInput(), "chuyenvien.skhcn", receivedAtUtc.AddHours(1));
        await PerformAsync<PhuThoCa.Web.Requests.CaPortal.RecordFiling, PhuThoCa.Web.Requests.CaPortal.FilingInput>(portal, arranged.RequestId,
            new PhuThoCa.Web.Requests.CaPortal.FilingInput { DossierCode = "HS-" + arranged.RequestId }, "chuyenvien.skhcn", receivedAtUtc.AddHours(2));
        return arranged;
    }

    /// <summary>
    /// A Mẫu 06 token recovery submitted an hour before <paramref name="receivedAtUtc"/>, received then, accepted at
    /// <paramref name="acceptedAtUtc"/> and recovered at <paramref name="recoveredAtUtc"/> (Sở's resolution), each move
    /// through the domain; returns its id.
    /// </summary>
    public static async Task<int> RecoveredAsync(PortalFactory portal, DateTime receivedAtUtc, DateTime acceptedAtUtc, DateTime recoveredAtUtc)
    {
        var arranged = await SubmittedAsync(portal, RequestType.RecoverToken, submittedAtUtc: receivedAtUtc.AddHours(-1));
        await ReceiveAsync(portal, arranged.RequestId, receivedAtUtc);
        await PerformAsync<AcceptRequest, NoteInput>(portal, arranged.RequestId, new NoteInput(), "chuyenvien.skhcn", acceptedAtUtc);
        await PerformAsync<PhuThoCa.Web.Requests.Completion.RecordRecovery, NoteInput>(portal, arranged.RequestId, new NoteInput(), "chuyenvien.skhcn", recoveredAtUtc);
        return arranged.RequestId;
    }

    /// <summary>
    /// Performs one action through the portal's own handler (as the pages, the inbox and the seeder do), on
    /// <paramref name="request"/> tracked by <paramref name="db"/>, as <paramref name="actor"/>; the handler saves.
    /// </summary>
    public static async Task<string> PerformAsync<THandler, TInput>(PortalFactory portal, AppDbContext db, Request request, TInput input,
        Actor actor)
        where THandler : RequestActionHandler<TInput>
        where TInput : class
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var needsServices = typeof(THandler).GetConstructors()[0].GetParameters().Any(p => p.ParameterType == typeof(RequestServices));
        var needsLetters = typeof(THandler).GetConstructors()[0].GetParameters()
            .Any(p => p.ParameterType == typeof(global::PhuThoCa.Infrastructure.Letters.RequestLetterService));
        object[] arguments = needsServices ? [db, Services(portal, db)] : [db];
        arguments = needsLetters ? [.. arguments, Letters(portal, db)] : arguments;
        var handler = ActivatorUtilities.CreateInstance<THandler>(scope.ServiceProvider, arguments);
        return await handler.HandleAsync(request, input, actor);
    }

    /// <summary>Loads the request and performs one action on it through its handler (see <see cref="PerformAsync{THandler, TInput}(PortalFactory, AppDbContext, Request, TInput, Actor)"/>).</summary>
    public static async Task<string> PerformAsync<THandler, TInput>(PortalFactory portal, int requestId, TInput input, string userName,
        DateTime atUtc)
        where THandler : RequestActionHandler<TInput>
        where TInput : class
    {
        await using var db = portal.CreateDbContext();
        var request = await db.Requests.Include(r => r.Lines).Include(r => r.History).SingleAsync(r => r.Id == requestId);
        return await PerformAsync<THandler, TInput>(portal, db, request, input, await ActorAsync(db, userName, atUtc));
    }

    /// <summary>The portal's <see cref="RequestServices"/> over <paramref name="db"/>.</summary>
    public static RequestServices Services(PortalFactory portal, AppDbContext db) =>
        new(db, portal.Services.GetRequiredService<CalendarProvider>(), portal.Services.GetRequiredService<RequestDeadlineSettings>(),
            SignedLetters(portal, db));

    /// <summary>The portal's signed-letter check over <paramref name="db"/>.</summary>
    public static global::PhuThoCa.Infrastructure.Signatures.SignedLetterService SignedLetters(PortalFactory portal, AppDbContext db) =>
        new(db, Letters(portal, db), portal.Services.GetRequiredService<global::PhuThoCa.Infrastructure.Signatures.SignatureOptions>(),
            portal.Clock);

    /// <summary>The portal's letter service over <paramref name="db"/>.</summary>
    public static global::PhuThoCa.Infrastructure.Letters.RequestLetterService Letters(PortalFactory portal, AppDbContext db) =>
        new(db, portal.Services.GetRequiredService<global::PhuThoCa.Infrastructure.Files.FileStore>(),
            portal.Services.GetRequiredService<global::PhuThoCa.Documents.Composers.RequestLetterComposer>(),
            portal.Services.GetRequiredService<global::PhuThoCa.Documents.Composers.RejectionNoticeComposer>(),
            portal.Services.GetRequiredService<global::PhuThoCa.Documents.Composers.OneStopSlipComposer>(),
            portal.Services.GetRequiredService<global::PhuThoCa.Documents.Composers.StatusLinks>());

    /// <summary>The details page as a user sees it: its HTML, antiforgery token and the RowVersion its forms carry.</summary>
    public static async Task<LoadedPage> LoadAsync(HttpClient client, int requestId, CancellationToken ct)
    {
        var response = await client.GetAsync(new Uri($"/Requests/Details/{requestId}", UriKind.Relative), ct);
        var html = await response.Content.ReadAsStringAsync(ct);
        return new LoadedPage(response.StatusCode, html,
            Field(AntiforgeryField(), html), Field(RowVersionField(), html));
    }

    /// <summary>POSTs a handler of the details page with the token and RowVersion of <paramref name="page"/>.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, int requestId, string handler, LoadedPage page,
        IDictionary<string, string>? fields = null, CancellationToken ct = default)
    {
        var values = new Dictionary<string, string>(fields ?? new Dictionary<string, string>());
        if (page.Antiforgery is not null)
        {
            values["__RequestVerificationToken"] = page.Antiforgery;
        }

        if (page.RowVersion is not null && !values.ContainsKey("RowVersion"))
        {
            values["RowVersion"] = page.RowVersion;
        }

        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri($"/Requests/Details/{requestId}?handler={handler}", UriKind.Relative), content, ct);
    }

    /// <summary>Loads the page, posts the handler, and expects the redirect of a saved action.</summary>
    public static async Task ActAsync(HttpClient client, int requestId, string handler, IDictionary<string, string>? fields = null,
        CancellationToken ct = default)
    {
        var page = await LoadAsync(client, requestId, ct);
        var response = await PostAsync(client, requestId, handler, page, fields, ct);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var text = TestHtml.Text(await response.Content.ReadAsStringAsync(ct));
            throw new Xunit.Sdk.XunitException($"{handler} was not saved ({(int)response.StatusCode}): {Errors(text)}");
        }
    }

    /// <summary>The messages of the page's error summary and fields, for failure messages.</summary>
    public static string Errors(string text)
    {
        var index = text.IndexOf("Thời hạn", StringComparison.Ordinal);
        return index < 0 ? text[..Math.Min(text.Length, 800)] : text[Math.Max(0, index - 400)..index];
    }

    public static async Task<Request> ReadAsync(PortalFactory portal, int requestId)
    {
        await using var db = portal.CreateDbContext();
        return await db.Requests.AsNoTracking().Include(r => r.Lines).Include(r => r.History).SingleAsync(r => r.Id == requestId);
    }

    private static string? Field(Regex regex, string html)
    {
        var match = regex.Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("name=\"RowVersion\" value=\"([^\"]+)\"")]
    private static partial Regex RowVersionField();
}

internal sealed record LoadedPage(HttpStatusCode Status, string Html, string? Antiforgery, string? RowVersion)
{
    public string Text => TestHtml.Text(Html);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Web.Tests.Signatures;

namespace PhuThoCa.BrowserTests;

/// <summary>The portal of <see cref="SignedLetterJourneyTests"/>: receipt of Mẫu 04 requires a verified signed letter.</summary>
public sealed class SignatureBrowserPortal() : BrowserPortal(new SignaturePortalFactory());

/// <summary>
/// Issue 16 in a real browser: the officer uploads the Mẫu 04 letter the portal generated, signed by pdfsig with the test
/// PKI; Sở reads the verdict on the details page and receives, or is refused with the reason when the file was changed.
/// </summary>
public class SignedLetterJourneyTests(SignatureBrowserPortal portal) : IClassFixture<SignatureBrowserPortal>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Officer_UploadsTheSignedLetter_SoSeesTheValidSignature_AndReceives()
    {
        await ((SignaturePortalFactory)portal.Factory).TrustTestPkiAsync();
        var id = await RenewalDraftAsync("25/SYT-VP");
        var officer = await portal.SignInAsync("canbo.syte");

        await UploadSignedLetterAsync(officer, id, Pdfsig.Sign(await LetterAsync(officer, id), "agency"));
        await Assertions.Expect(officer.GetByTestId("signed-letter-summary")).ToContainTextAsync("Chữ ký số hợp lệ — Sở Y tế tỉnh Phú Thọ");
        await SubmitAsync(officer, id);
        await officer.Context.CloseAsync();

        var staff = await portal.SignInAsync("chuyenvien.skhcn");
        await staff.GotoAsync($"/Requests/Details/{id}");
        await Assertions.Expect(staff.GetByTestId("signed-letter-summary")).ToContainTextAsync("Chữ ký số hợp lệ — Sở Y tế tỉnh Phú Thọ, ký lúc");
        await BrowserPortal.ScreenshotAsync(staff, "70-signed-letter-valid");
        await staff.GetByTestId("form-receive").GetByRole(AriaRole.Button).ClickAsync();

        await Assertions.Expect(staff.GetByTestId("status-message")).ToContainTextAsync("Đã tiếp nhận yêu cầu");
        Assert.Equal(RequestStatus.Received, await StatusAsync(id));
        await staff.Context.CloseAsync();
    }

    [Fact]
    public async Task A_TamperedUpload_IsRefusedBeforeReceipt_WithTheReason()
    {
        await ((SignaturePortalFactory)portal.Factory).TrustTestPkiAsync();
        var id = await RenewalDraftAsync("26/SYT-VP");
        var officer = await portal.SignInAsync("canbo.syte");
        var tampered = Pdfsig.Sign(await LetterAsync(officer, id), "agency");
        // One byte of the signed page content changed after signing.
        tampered[Array.IndexOf(tampered, (byte)'B', 200)] = (byte)'C';

        await UploadSignedLetterAsync(officer, id, tampered);
        await Assertions.Expect(officer.GetByTestId("signed-letter-summary")).Not.ToContainTextAsync("Chữ ký số hợp lệ");
        await SubmitAsync(officer, id);
        await officer.Context.CloseAsync();

        var staff = await portal.SignInAsync("chuyenvien.skhcn");
        await staff.GotoAsync($"/Requests/Details/{id}");
        await staff.GetByTestId("form-receive").GetByRole(AriaRole.Button).ClickAsync();

        await Assertions.Expect(staff.Locator("body")).ToContainTextAsync("Công văn đã ký số không hợp lệ");
        await Assertions.Expect(staff.Locator("body")).ToContainTextAsync("HASH_FAILURE");
        await BrowserPortal.ScreenshotAsync(staff, "71-signed-letter-tampered-refused");
        Assert.Equal(RequestStatus.Submitted, await StatusAsync(id));
        await staff.Context.CloseAsync();
    }

    /// <summary>The portal's own PDF of the request's letter, as the officer downloads it before signing.</summary>
    private static async Task<byte[]> LetterAsync(IPage page, int id)
    {
        var response = await page.APIRequest.GetAsync($"/Letters/Pdf/{id}");
        Assert.True(response.Ok, $"letter download answered {response.Status}");
        return await response.BodyAsync();
    }

    private static async Task UploadSignedLetterAsync(IPage page, int id, byte[] pdf)
    {
        await page.GotoAsync($"/Requests/Attachments/{id}");
        await page.GetByLabel("Loại tệp").SelectOptionAsync(new SelectOptionValue { Label = "Công văn đề nghị đã ký" });
        await page.GetByLabel("Tệp", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "cong-van-da-ky.pdf", MimeType = "application/pdf", Buffer = pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
        if (!page.Url.Contains("/Requests/Details/", StringComparison.Ordinal))
        {
            await page.GotoAsync($"/Requests/Details/{id}");
        }
    }

    private static async Task SubmitAsync(IPage page, int id)
    {
        await page.GotoAsync($"/Requests/Details/{id}");
        await page.GetByTestId("form-submit").GetByRole(AriaRole.Checkbox).CheckAsync();
        await page.GetByTestId("form-submit").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByTestId("status-message")).ToContainTextAsync("Đã gửi yêu cầu");
    }

    private Task<int> RenewalDraftAsync(string letterNumber) => JourneyArrange.RenewalDraftAsync(portal.Factory, letterNumber, Ct);

    private async Task<RequestStatus> StatusAsync(int id)
    {
        await using var db = portal.Factory.CreateDbContext();
        return await db.Requests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync(Ct);
    }
}

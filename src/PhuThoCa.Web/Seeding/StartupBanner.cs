using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace PhuThoCa.Web.Seeding;

/// <summary>Prints the address and the demo logins once the server listens.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var demo = app.Configuration.GetValue("Seed:DemoData", false);
        var lines = new List<string>
        {
            "",
            "==================================================================",
            " PhuThoCa — Cổng quản lý chữ ký số chuyên dùng công vụ tỉnh Phú Thọ",
        };
        lines.AddRange(addresses.Select(a => $" Địa chỉ: {a}"));
        if (demo)
        {
            lines.Add($" Tài khoản mẫu (mật khẩu chung: {DemoData.Password}):");
            lines.AddRange(DemoData.Logins.Select(l => $"   {l.UserName,-22} {l.RoleLabel}"));
            lines.Add(" Xác thực hai bước (TOTP) của các tài khoản Sở, quản trị và kiểm tra — thêm khóa vào ứng dụng xác thực,");
            lines.Add(" hoặc lấy mã bằng: oathtool --totp -b KHÓA");
            lines.AddRange(DemoData.Logins.Where(l => l.AuthenticatorKey is not null).Select(l => $"   {l.UserName,-22} {l.AuthenticatorKey}"));
        }

        lines.Add("==================================================================");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}

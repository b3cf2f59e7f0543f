using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Subscribers;

namespace PhuThoCa.Domain.Signatures;

/// <summary>The signer certificate's identity as the matching needs it (subject attributes, NFC).</summary>
public sealed record SignerFacts(string? CommonName, string? Organization, IReadOnlyList<string> Units, string? Email, string? Title);

/// <summary>The requesting agency.</summary>
public sealed record AgencyFacts(int Id, string Name, string EmailDomain);

/// <summary>The signer certificate as found in our own register (by SHA-256 thumbprint or serial number).</summary>
public sealed record RegisterFacts(int CertificateId, int AgencyId, string AgencyName, SubscriberKind Kind, string SubscriberName, string? Position);

public enum SignerMatchKind
{
    /// <summary>The agency's own certificate in our register.</summary>
    RegisterAgency,

    /// <summary>A subscriber of the agency, in our register, with a position that may sign.</summary>
    RegisterPerson,

    /// <summary>The subject names the agency (CN of an organisation certificate, or O/OU).</summary>
    SubjectName,

    /// <summary>The subject's official e-mail is in the agency's domain.</summary>
    EmailDomain,

    /// <summary>Nothing ties the signer to the agency.</summary>
    Mismatch,
}

public sealed record SignerMatch(SignerMatchKind Kind, string Explanation, int? RegisterCertificateId)
{
    public bool Matches => Kind != SignerMatchKind.Mismatch;
}

/// <summary>
/// Whether the signer of a letter is the requesting agency (issue 16, item 2; ND 30/2020 Điều 8: the agency's signature
/// or that of the competent person of the agency). A mismatch is a warning Sở must acknowledge with a reason.
/// </summary>
public static class SignerMatching
{
    /// <summary>Positions that may sign an agency's letter by default (configurable: Signatures:SigningPositions).</summary>
    public static readonly IReadOnlyList<string> DefaultSigningPositions =
    [
        "Giám đốc", "Phó Giám đốc", "Chủ tịch", "Phó Chủ tịch", "Chánh Văn phòng", "Phó Chánh Văn phòng", "Trưởng ban", "Phó Trưởng ban",
        "Thủ trưởng", "Cục trưởng", "Phó Cục trưởng", "Chi cục trưởng", "Phó Chi cục trưởng", "Hiệu trưởng", "Phó Hiệu trưởng", "Văn thư",
    ];

    public static SignerMatch Match(SignerFacts signer, AgencyFacts agency, RegisterFacts? register, IReadOnlyCollection<string> signingPositions)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(agency);
        ArgumentNullException.ThrowIfNull(signingPositions);
        if (register is not null)
        {
            if (register.AgencyId != agency.Id)
            {
                return new SignerMatch(SignerMatchKind.Mismatch,
                    $"Chứng thư của người ký thuộc {register.AgencyName} trong sổ quản lý, không phải {agency.Name}.", register.CertificateId);
            }

            if (register.Kind != SubscriberKind.Person)
            {
                return new SignerMatch(SignerMatchKind.RegisterAgency, $"Chứng thư của cơ quan {agency.Name} trong sổ quản lý.", register.CertificateId);
            }

            var position = register.Position ?? signer.Title;
            if (position is not null && MayPosition(position, signingPositions))
            {
                return new SignerMatch(SignerMatchKind.RegisterPerson,
                    $"{register.SubscriberName} ({position}) là thuê bao của {agency.Name} trong sổ quản lý.", register.CertificateId);
            }

            return new SignerMatch(SignerMatchKind.Mismatch,
                $"{register.SubscriberName} là thuê bao của {agency.Name} nhưng chức vụ “{position ?? "không rõ"}” không thuộc danh sách chức vụ được ký.",
                register.CertificateId);
        }

        var name = Key(agency.Name);
        if (Key(signer.CommonName) == name || Key(signer.Organization) == name || signer.Units.Any(u => Key(u) == name))
        {
            return new SignerMatch(SignerMatchKind.SubjectName, $"Tên trong chứng thư của người ký là {agency.Name}.", null);
        }

        var domain = agency.EmailDomain.Trim().TrimStart('@').ToLowerInvariant();
        if (domain.Length > 0 && signer.Email is { } email && email.EndsWith("@" + domain, StringComparison.OrdinalIgnoreCase))
        {
            return new SignerMatch(SignerMatchKind.EmailDomain, $"Thư điện tử công vụ của người ký ({email}) thuộc tên miền của {agency.Name}.", null);
        }

        var who = signer.CommonName ?? signer.Organization ?? "không rõ";
        return new SignerMatch(SignerMatchKind.Mismatch, $"Người ký ({who}) không thuộc {agency.Name}.", null);
    }

    private static bool MayPosition(string position, IReadOnlyCollection<string> positions)
    {
        var key = Key(position);
        return positions.Any(p => Key(p) == key);
    }

    private static string Key(string? value) => Text.Clean(value).ToLowerInvariant();
}

namespace PhuThoCa.Domain.Certificates;

public enum CertificateStatus
{
    /// <summary>Còn hiệu lực.</summary>
    Valid = 1,

    /// <summary>Hết hạn (derived from NotAfter; never stored).</summary>
    Expired = 2,

    /// <summary>Đã thu hồi.</summary>
    Revoked = 3,

    /// <summary>Đã được thay thế bằng chứng thư gia hạn.</summary>
    Superseded = 4,
}

/// <summary>Thiết bị lưu khóa bí mật kind holding the key.</summary>
public enum KeyStorageKind
{
    /// <summary>USB token PKI.</summary>
    PkiToken = 1,

    /// <summary>SIM PKI.</summary>
    SimPki = 2,

    /// <summary>Giải pháp ký số tập trung (remote signing).</summary>
    RemoteSigning = 3,
}

public static class CertificateLabels
{
    public static string Status(CertificateStatus status) => status switch
    {
        CertificateStatus.Valid => "Còn hiệu lực",
        CertificateStatus.Expired => "Hết hạn",
        CertificateStatus.Revoked => "Đã thu hồi",
        CertificateStatus.Superseded => "Đã được gia hạn",
    };

    public static string Storage(KeyStorageKind kind) => kind switch
    {
        KeyStorageKind.PkiToken => "USB Token PKI",
        KeyStorageKind.SimPki => "SIM PKI",
        KeyStorageKind.RemoteSigning => "Ký số tập trung",
    };
}

namespace PhuThoCa.Domain.Agencies;

/// <summary>Kinds of "cơ quan, tổ chức quản lý trực tiếp" in Phú Thọ after the 2025 two-level reform.</summary>
public enum AgencyKind
{
    /// <summary>Sở, ban, ngành tỉnh (incl. Văn phòng UBND tỉnh).</summary>
    ProvincialDepartment = 1,

    /// <summary>UBND xã, phường.</summary>
    CommuneCommittee = 2,

    /// <summary>Đơn vị sự nghiệp công lập with its own seal.</summary>
    PublicServiceUnit = 3,

    /// <summary>Other provincial bodies (Đài PT-TH, Ban Quản lý các KCN, …).</summary>
    Other = 9,
}

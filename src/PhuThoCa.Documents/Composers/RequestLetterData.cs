using PhuThoCa.Domain.Agencies;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Domain.Tokens;

namespace PhuThoCa.Documents.Composers;

/// <summary>A request with what its letter prints: the signing agency and the register entries its lines point to.</summary>
public sealed record RequestLetterData(
    Request Request,
    Agency Agency,
    IReadOnlyCollection<Subscriber> Subscribers,
    IReadOnlyCollection<Certificate> Certificates,
    IReadOnlyCollection<UsbToken> Tokens);

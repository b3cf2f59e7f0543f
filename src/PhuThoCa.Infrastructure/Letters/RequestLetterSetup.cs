using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PhuThoCa.Documents.Composers;

namespace PhuThoCa.Infrastructure.Letters;

public static class RequestLetterSetup
{
    /// <summary>
    /// Registers the request letters: <see cref="RequestLetterOptions"/> from the <c>Letters</c> section, the composers, the
    /// status links (key from <c>Letters:StatusKey</c> or kept in <paramref name="dataFolder"/>) and the scoped service.
    /// Needs the FileStore and the AppDbContext registered as well.
    /// </summary>
    public static IServiceCollection AddRequestLetters(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        var options = configuration.GetSection(RequestLetterOptions.SectionName).Get<RequestLetterOptions>() ?? new RequestLetterOptions();
        services.AddSingleton(options);
        services.AddSingleton(new RequestLetterComposer(options));
        services.AddSingleton(new RejectionNoticeComposer(options));
        services.AddSingleton(new OneStopSlipComposer(options));
        services.AddSingleton(new HandoverRecordComposer(options));
        services.AddSingleton(new ProvinceReportComposer(options));
        services.AddSingleton(_ => StatusLinks.Create(options.StatusKey, dataFolder));
        services.AddScoped<RequestLetterService>();
        return services;
    }
}

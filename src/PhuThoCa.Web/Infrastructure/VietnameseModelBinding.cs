using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace PhuThoCa.Web.Infrastructure;

/// <summary>Vietnamese messages for values that cannot even be bound (e.g. "abc" typed in a date field).</summary>
public static class VietnameseModelBinding
{
    public static void Apply(DefaultModelBindingMessageProvider p)
    {
        p.SetAttemptedValueIsInvalidAccessor((value, field) => $"Giá trị “{value}” không hợp lệ.");
        p.SetMissingBindRequiredValueAccessor(field => "Trường này là bắt buộc.");
        p.SetMissingKeyOrValueAccessor(() => "Trường này là bắt buộc.");
        p.SetMissingRequestBodyRequiredValueAccessor(() => "Thiếu dữ liệu gửi lên.");
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Giá trị “{value}” không hợp lệ.");
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Giá trị không hợp lệ.");
        p.SetNonPropertyValueMustBeANumberAccessor(() => "Giá trị phải là số.");
        p.SetUnknownValueIsInvalidAccessor(field => "Giá trị không hợp lệ.");
        p.SetValueIsInvalidAccessor(value => $"Giá trị “{value}” không hợp lệ.");
        p.SetValueMustBeANumberAccessor(field => "Giá trị phải là số.");
        p.SetValueMustNotBeNullAccessor(value => "Trường này là bắt buộc.");
    }
}

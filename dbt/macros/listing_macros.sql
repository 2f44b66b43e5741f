{# A listing's share basis, in one place for every model that converts per-share or per-ADS amounts. #}

{# Every listing with the ordinary shares one of its units carries and, from its company's ADS listing, the
   ordinary shares per ADS (null for a company without an ADS). A select over stg_reference__listings. #}
{% macro listings_with_ads_ratio() -%}
    select
        l.symbol,
        l.company_id,
        l.instrument_type,
        l.market,
        l.currency,
        l.ordinary_shares_per_unit,
        ads.ads_ordinary_shares_per_unit
    from {{ ref('stg_reference__listings') }} as l
    left join (
        select company_id, max(ordinary_shares_per_unit) as ads_ordinary_shares_per_unit
        from {{ ref('stg_reference__listings') }}
        where instrument_type = 'ads'
        group by company_id
    ) as ads
        on ads.company_id = l.company_id
{%- endmacro %}

{# Units of an amount declared per `amount_per` ('share' or 'ads') that one unit of the listing is worth;
   `listing` is the alias carrying instrument_type, ordinary_shares_per_unit and ads_ordinary_shares_per_unit
   (listings_with_ads_ratio). An amount with no basis counts per unit. #}
{% macro listing_units_per_amount_basis(amount_per, listing) -%}
    case
        when {{ amount_per }} = 'share' then coalesce({{ listing }}.ordinary_shares_per_unit, 1)
        when {{ amount_per }} = 'ads' and {{ listing }}.instrument_type = 'ads' then 1
        when {{ amount_per }} = 'ads' then 1 / {{ listing }}.ads_ordinary_shares_per_unit
        else 1
    end
{%- endmacro %}

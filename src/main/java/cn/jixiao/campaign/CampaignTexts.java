package cn.jixiao.campaign;

import java.time.LocalDate;

/** Dates as a Chinese notice writes them: 2024年3月31日. */
final class CampaignTexts {

    private CampaignTexts() {}

    static String date(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
